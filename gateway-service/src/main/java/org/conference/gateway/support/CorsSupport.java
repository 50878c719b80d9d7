package org.conference.gateway.support;

import org.conference.common.api.ApiError;
import org.conference.common.api.ApiException;
import org.conference.common.api.FieldError;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

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

    /**
     * Runs right after the request id is set, before anything that could refuse the request. Does what Spring's
     * {@code CorsWebFilter} does, except that a refused CORS request (a preflight for a method or header that is not
     * allowed) gets the API's error body rather than Spring's empty 403.
     */
    static class GatewayCorsFilter implements WebFilter, Ordered {

        private final CorsConfigurationSource source;
        private final CorsProcessor processor = new DefaultCorsProcessor();

        GatewayCorsFilter(CorsConfigurationSource source) {
            this.source = source;
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE + 2;
        }

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            if (!processor.process(source.getCorsConfiguration(exchange), exchange)) {
                return Mono.error(new ApiException(HttpStatus.FORBIDDEN, ApiError.of("invalid cors request",
                        FieldError.cause("this origin, method or header is not allowed for cross-origin requests"))));
            }
            // A valid preflight is answered here and now, with the CORS headers the processor set.
            return CorsUtils.isPreFlightRequest(exchange.getRequest()) ? Mono.empty() : chain.filter(exchange);
        }
    }
}
