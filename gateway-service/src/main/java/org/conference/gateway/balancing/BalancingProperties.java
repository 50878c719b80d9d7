package org.conference.gateway.balancing;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the services are ({@code conference.gateway.services.<service-id>}: one URL or a comma-separated list) and how
 * the gateway spreads requests over their instances ({@code conference.gateway.balancing.*}).
 */
@ConfigurationProperties("conference.gateway")
public record BalancingProperties(Map<String, String> services, Balancing balancing) {

    public BalancingProperties {
        services = services == null ? Map.of() : Map.copyOf(services);
        balancing = balancing == null ? new Balancing(null, null, 0) : balancing;
    }

    /**
     * @param refreshInterval how often host names are resolved again (new replicas appear, removed ones go)
     * @param quarantine how long an instance that refused a connection is left out
     * @param retries extra attempts on other instances after a refused connection (idempotent methods only)
     */
    public record Balancing(Duration refreshInterval, Duration quarantine, int retries) {

        public Balancing {
            refreshInterval = refreshInterval == null ? Duration.ofSeconds(5) : refreshInterval;
            quarantine = quarantine == null ? Duration.ofSeconds(10) : quarantine;
        }
    }
}
