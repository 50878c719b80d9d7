package org.conference.gateway.support;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Refuses paths with dot segments or encoded separators (404, like any unknown path). Routes forward the path as it
 * came, so {@code /conference/v1/subscribers/../../internal/...} would otherwise reach a service whose server might
 * normalise it into {@code /internal/**}, which the gateway must never route (ARCHITECTURE.md section 2).
 */
@Component
public class PathGuardFilter implements WebFilter, Ordered {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        for (PathContainer.Element element : exchange.getRequest().getPath().pathWithinApplication().elements()) {
            if (element instanceof PathContainer.PathSegment segment && isSuspicious(segment.valueToMatch())) {
                return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
            }
        }
        return chain.filter(exchange);
    }

    private static boolean isSuspicious(String decoded) {
        // valueToMatch is decoded and without ;parameters, so "%2e%2e" and "..;x" are caught as "..".
        return decoded.equals(".") || decoded.equals("..") || decoded.indexOf('/') >= 0 || decoded.indexOf('\\') >= 0;
    }
}
