package org.conference.gateway.balancing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.client.ServiceInstance;

class ServiceDirectoryTest {

    /** A DNS whose answers the test changes. */
    private final Map<String, List<String>> records = new HashMap<>();
    private final HostResolver dns = host -> {
        List<String> addresses = records.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        List<InetAddress> resolved = new java.util.ArrayList<>();
        for (String address : addresses) {
            resolved.add(InetAddress.getByName(address));
        }
        return resolved;
    };

    @Test
    void parsesAConfiguredListOfUrls() {
        assertThat(ServiceEndpoint.parseList("meeting-service", " http://a:8082 ,https://b, http://10.0.0.3:9000,"))
                .containsExactly(new ServiceEndpoint("http", "a", 8082), new ServiceEndpoint("https", "b", 443),
                        new ServiceEndpoint("http", "10.0.0.3", 9000));
        assertThatThrownBy(() -> ServiceEndpoint.parseList("x", "ftp://a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServiceEndpoint.parseList("x", " , ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resolvesEveryAddressOfEveryConfiguredHost() {
        records.put("meeting", List.of("10.0.0.1", "10.0.0.2"));
        records.put("other", List.of("10.0.0.9"));
        ServiceDirectory directory = directory("meeting-service", "http://meeting:8082,http://other:8082");

        directory.refresh();

        assertThat(uris(directory.instances("meeting-service")))
                .containsExactly("http://10.0.0.1:8082", "http://10.0.0.2:8082", "http://10.0.0.9:8082");
        assertThat(directory.instances("no-such-service")).isEmpty();
    }

    @Test
    void followsScalingOnRefreshAndKeepsTheLastAnswerWhenDnsFails() {
        records.put("meeting", List.of("10.0.0.1"));
        ServiceDirectory directory = directory("meeting-service", "http://meeting:8082");
        directory.refresh();
        assertThat(uris(directory.instances("meeting-service"))).containsExactly("http://10.0.0.1:8082");

        records.put("meeting", List.of("10.0.0.1", "10.0.0.2", "10.0.0.3"));
        directory.refresh();
        assertThat(uris(directory.instances("meeting-service"))).hasSize(3);

        records.put("meeting", List.of("10.0.0.3"));
        directory.refresh();
        assertThat(uris(directory.instances("meeting-service"))).containsExactly("http://10.0.0.3:8082");

        records.remove("meeting");
        directory.refresh();
        assertThat(uris(directory.instances("meeting-service"))).containsExactly("http://10.0.0.3:8082");
    }

    @Test
    void prefersIpv4AddressesAndBracketsIpv6Ones() {
        records.put("dual", List.of("::1", "127.0.0.1"));
        records.put("v6only", List.of("::1"));
        ServiceDirectory directory = new ServiceDirectory(Map.of(
                "a", ServiceEndpoint.parseList("a", "http://dual:1"),
                "b", ServiceEndpoint.parseList("b", "http://v6only:2")), dns, Duration.ofSeconds(5));
        directory.refresh();
        assertThat(uris(directory.instances("a"))).containsExactly("http://127.0.0.1:1");
        assertThat(uris(directory.instances("b"))).containsExactly("http://[0:0:0:0:0:0:0:1]:2");
    }

    @Test
    void leavesAQuarantinedInstanceOutUnlessNoneIsLeft() {
        records.put("meeting", List.of("10.0.0.1", "10.0.0.2"));
        ServiceDirectory directory = directory("meeting-service", "http://meeting:8082");
        directory.refresh();
        List<ServiceInstance> all = directory.instances("meeting-service");
        InstanceHealth health = new InstanceHealth(Duration.ofMinutes(1));

        health.markDown(all.get(0));
        assertThat(uris(health.usable(all))).containsExactly("http://10.0.0.2:8082");

        health.markDown(all.get(1));
        assertThat(health.usable(all)).isEqualTo(all);
    }

    private ServiceDirectory directory(String serviceId, String urls) {
        return new ServiceDirectory(Map.of(serviceId, ServiceEndpoint.parseList(serviceId, urls)), dns,
                Duration.ofSeconds(5));
    }

    private static List<String> uris(List<ServiceInstance> instances) {
        return instances.stream().map(instance -> instance.getUri().toString()).toList();
    }
}
