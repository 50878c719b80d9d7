package org.conference.gateway;

import java.security.Security;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class GatewayApplication {

    /** JVM-wide DNS cache lifetime, unless the operator set one: see {@link #main}. */
    static final String DNS_CACHE_TTL_SECONDS = "5";

    public static void main(String[] args) {
        // Service names are re-resolved every few seconds to follow scaled replicas (balancing.ServiceDirectory);
        // the JVM's default 30 s cache of DNS answers would hide new and removed replicas for that long.
        if (Security.getProperty("networkaddress.cache.ttl") == null
                && System.getProperty("sun.net.inetaddr.ttl") == null) {
            Security.setProperty("networkaddress.cache.ttl", DNS_CACHE_TTL_SECONDS);
        }
        SpringApplication.run(GatewayApplication.class, args);
    }
}
