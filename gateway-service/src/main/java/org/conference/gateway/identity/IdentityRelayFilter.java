package org.conference.gateway.identity;

import java.time.Duration;

import org.conference.common.api.ApiException;
import org.conference.common.identity.AuthenticatedSubscriber;
import org.conference.common.identity.InternalJwt;
import org.conference.gateway.auth.AuthenticationFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * What a service learns about the caller (ARCHITECTURE.md section 3.3): only the identity token the gateway mints
 * for the authenticated subscriber. Any {@code X-Conference-Identity} the client sent is dropped, and so is its
 * {@code Authorization}: services decide from the token alone, and passwords and tokens should not travel further
 * than needed.
 */
@Component
public class IdentityRelayFilter implements GlobalFilter, Ordered {

    private final IdentityTokens tokens;

    public IdentityRelayFilter(InternalJwt jwt,
            @Value("${conference.gateway.identity.token-reuse:10s}") Duration tokenReuse) {
        this.tokens = new IdentityTokens(jwt, tokenReuse);
    }

    @Override
    public int getOrder() {
        return AuthenticationFilter.ORDER + 100;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        AuthenticatedSubscriber subscriber = exchange.getAttribute(AuthenticationFilter.SUBSCRIBER);
        if (subscriber == null) {
            // Fail closed: never forward a request nobody vouched for.
            return Mono.error(ApiException.unauthorized());
        }
        String token = tokens.tokenFor(subscriber.identity());
        ServerHttpRequest request = exchange.getRequest().mutate().headers(headers -> {
            headers.remove(HttpHeaders.AUTHORIZATION);
            headers.remove(InternalJwt.HEADER);
            headers.set(InternalJwt.HEADER, token);
        }).build();
        return chain.filter(exchange.mutate().request(request).build());
    }
}
