package org.conference.gateway.support;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** CORS as the reference answers it: any origin, no credentials mode, the listed headers exposed. */
@ConfigurationProperties("conference.gateway.cors")
public record CorsProperties(List<String> allowedOrigins, List<String> allowedMethods, List<String> allowedHeaders,
        List<String> exposedHeaders, Duration maxAge) {
}
