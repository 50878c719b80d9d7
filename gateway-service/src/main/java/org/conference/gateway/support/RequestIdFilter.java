package org.conference.gateway.support;

import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Gives every request an {@code X-Request-Id}: the client's when it sent a sane one, a new UUID otherwise. The id is
 * passed to the service, returned to the client, kept as an exchange attribute (error handling quotes it) and written
 * in one access-log line per request. First filter of all, so that even refused requests carry it.
 */
@Component
public class RequestIdFilter implements WebFilter, Ordered {

    public static final String HEADER = "X-Request-Id";
    public static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

    private static final Logger access = LoggerFactory.getLogger("org.conference.gateway.access");
    /** Anything else (or longer) could smuggle text into logs and headers downstream: replace it. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final boolean accessLog;

    public RequestIdFilter(@Value("${conference.gateway.access-log:true}") boolean accessLog) {
        this.accessLog = accessLog;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    public static String of(ServerWebExchange exchange) {
        String id = exchange.getAttribute(ATTRIBUTE);
        return id != null ? id : exchange.getRequest().getHeaders().getFirst(HEADER);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String offered = exchange.getRequest().getHeaders().getFirst(HEADER);
        String id = offered != null && ACCEPTED.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        exchange.getAttributes().put(ATTRIBUTE, id);
        exchange.getResponse().getHeaders().set(HEADER, id);
        if (accessLog) {
            long started = System.nanoTime();
            exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(() -> log(exchange, id, started)));
        }
        ServerHttpRequest request = exchange.getRequest().mutate().headers(headers -> headers.set(HEADER, id)).build();
        return chain.filter(exchange.mutate().request(request).build());
    }

    private static void log(ServerWebExchange exchange, String id, long started) {
        if (!access.isInfoEnabled()) {
            return;
        }
        var request = exchange.getRequest();
        var status = exchange.getResponse().getStatusCode();
        access.info("{} {} {} {} {}us request-id={}", ClientAddress.of(exchange), request.getMethod(),
                request.getPath().value(), status == null ? 200 : status.value(),
                (System.nanoTime() - started) / 1000, id);
    }
}
