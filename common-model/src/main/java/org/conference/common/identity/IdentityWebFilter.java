package org.conference.common.identity;

import org.conference.common.api.ApiException;
import org.springframework.core.Ordered;
import org.springframework.http.server.PathContainer;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import reactor.core.publisher.Mono;

/**
 * Every service checks the caller itself (ARCHITECTURE.md §3.4): a request without a valid identity token gets 401,
 * {@code /internal/**} is for other services only. Actuator endpoints stay open for health checks and scraping.
 */
public class IdentityWebFilter implements WebFilter, Ordered {

    /** Exchange attribute under which controllers find the verified {@link Identity}. */
    public static final String ATTRIBUTE = Identity.class.getName();

    private static final PathPattern ACTUATOR = PathPatternParser.defaultInstance.parse("/actuator/**");
    private static final PathPattern INTERNAL = PathPatternParser.defaultInstance.parse("/internal/**");

    private final InternalJwt jwt;

    public IdentityWebFilter(InternalJwt jwt) {
        this.jwt = jwt;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        if (ACTUATOR.matches(path)) {
            return chain.filter(exchange);
        }
        var identity = jwt.verify(exchange.getRequest().getHeaders().getFirst(InternalJwt.HEADER));
        if (identity.isEmpty()) {
            return Mono.error(ApiException.unauthorized());
        }
        if (INTERNAL.matches(path) && identity.get().role() != Role.SERVICE) {
            return Mono.error(ApiException.forbidden());
        }
        exchange.getAttributes().put(ATTRIBUTE, identity.get());
        return chain.filter(exchange).contextWrite(context -> context.put(Identity.class, identity.get()));
    }
}
