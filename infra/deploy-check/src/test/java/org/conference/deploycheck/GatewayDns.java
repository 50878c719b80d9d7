package org.conference.deploycheck;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

/** How often the gateway sees a change of a backend's addresses: its re-resolution interval and the JVM's DNS cache. */
final class GatewayDns {

    /** The JVM caches a successful lookup this long unless told otherwise (InetAddressCachePolicy, no security manager). */
    static final int JVM_DEFAULT_CACHE_SECONDS = 30;

    private static final Pattern TTL = Pattern.compile("-D(?:sun\\.net\\.inetaddr\\.ttl|networkaddress\\.cache\\.ttl)=(-?\\d+)");

    private GatewayDns() {
    }

    static int jvmCacheSeconds(String javaToolOptions) {
        Matcher matcher = TTL.matcher(javaToolOptions);
        if (!matcher.find()) {
            return JVM_DEFAULT_CACHE_SECONDS;
        }
        int seconds = Integer.parseInt(matcher.group(1));
        return seconds < 0 ? Integer.MAX_VALUE : seconds;
    }

    /** conference.gateway.balancing.refresh-interval of the gateway's application.yml, in seconds. */
    @SuppressWarnings("unchecked")
    static int refreshIntervalSeconds(Path repository) {
        Map<String, Object> yml = new Yaml().load(
                ServiceFacts.read(repository.resolve("gateway-service/src/main/resources/application.yml")));
        Map<String, Object> gateway = (Map<String, Object>) ((Map<String, Object>) yml.get("conference")).get("gateway");
        String interval = String.valueOf(((Map<String, Object>) gateway.get("balancing")).get("refresh-interval"));
        return Math.toIntExact(Duration.parse("PT" + interval.toUpperCase()).toSeconds());
    }
}
