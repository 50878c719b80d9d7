package org.conference.gateway.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the gateway checks credentials ({@code conference.gateway.auth.*}).
 *
 * @param serviceId the load-balanced service that answers {@code POST /internal/v1/authenticate}
 * @param cacheTtl how long a success is reused (at most 30 s)
 * @param cacheSize most credentials kept
 * @param connectTimeout connecting to provisioning
 * @param responseTimeout waiting for its answer; past it the client gets 503, not 401
 */
@ConfigurationProperties("conference.gateway.auth")
public record AuthProperties(String serviceId, Duration cacheTtl, long cacheSize, Duration connectTimeout,
        Duration responseTimeout) {

    public AuthProperties {
        serviceId = serviceId == null ? "provisioning-service" : serviceId;
        cacheTtl = cacheTtl == null ? Duration.ofSeconds(30) : cacheTtl;
        cacheSize = cacheSize <= 0 ? 10_000 : cacheSize;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(1) : connectTimeout;
        responseTimeout = responseTimeout == null ? Duration.ofSeconds(5) : responseTimeout;
    }
}
