package org.conference.gateway.support;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * CORS is answered by the gateway for every path, before authentication: a preflight carries no credentials and must
 * not need any, and error answers (401, 404, 429, 503) need the CORS headers too or a browser hides them from the
 * page. Services do not answer CORS; their own CORS headers are dropped ({@link GatewayOwnedResponseHeaders}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CorsProperties.class)
class CorsSupport {

    @Bean
    GatewayCorsFilter gatewayCorsFilter(CorsProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.allowedOrigins());
        cors.setAllowedMethods(properties.allowedMethods());
        cors.setAllowedHeaders(properties.allowedHeaders());
        cors.setExposedHeaders(properties.exposedHeaders());
        cors.setMaxAge(properties.maxAge());
        // "Access-Control-Allow-Origin: *" as the reference shows; a wildcard origin excludes credentials mode.
        cors.setAllowCredentials(false);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return new GatewayCorsFilter(source);
    }

    /** Runs right after the request id is set, before anything that could refuse the request. */
    static class GatewayCorsFilter extends CorsWebFilter implements Ordered {

        GatewayCorsFilter(UrlBasedCorsConfigurationSource source) {
            super(source);
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE + 2;
        }
    }
}
