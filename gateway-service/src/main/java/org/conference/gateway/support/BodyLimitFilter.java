package org.conference.gateway.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.conference.common.api.ApiException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Request body limits per route (route metadata {@code max-body-size}, else {@code conference.gateway.limits.json-body}).
 * Nothing is buffered: a declared {@code Content-Length} over the limit is refused before routing; a chunked body is
 * counted while it streams to the service and cut off with 413 once it passes the limit.
 */
@Component
public class BodyLimitFilter implements GlobalFilter, Ordered {

    public static final String METADATA_KEY = "max-body-size";
    /** After authentication (an anonymous client learns nothing from a 413), before routing. */
    public static final int ORDER = 300;

    private final DataSize defaultLimit;
    /** Parsed once per route: routes come from configuration and do not change while the gateway runs. */
    private final Map<String, Long> limitByRoute = new ConcurrentHashMap<>();

    public BodyLimitFilter(@Value("${conference.gateway.limits.json-body:1MB}") DataSize defaultLimit) {
        this.defaultLimit = defaultLimit;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        long limit = limitOf(exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR));
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        if (declared > limit) {
            return Mono.error(ApiException.payloadTooLarge(limit));
        }
        if (declared >= 0 || !request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            // The HTTP/1.1 framing stops a body at its Content-Length, and without either header there is none.
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(new CountingRequest(request, limit)).build());
    }

    private long limitOf(Route route) {
        if (route == null) {
            return defaultLimit.toBytes();
        }
        return limitByRoute.computeIfAbsent(route.getId(), id -> {
            Object configured = route.getMetadata().get(METADATA_KEY);
            return configured == null ? defaultLimit.toBytes() : DataSize.parse(configured.toString()).toBytes();
        });
    }

    /** Passes the body through as it arrives and fails it once more than {@code limit} bytes went by. */
    private static final class CountingRequest extends ServerHttpRequestDecorator {

        private final long limit;

        CountingRequest(ServerHttpRequest delegate, long limit) {
            super(delegate);
            this.limit = limit;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            AtomicLong seen = new AtomicLong();
            return super.getBody().handle((buffer, sink) -> {
                if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                    DataBufferUtils.release(buffer);
                    sink.error(ApiException.payloadTooLarge(limit));
                } else {
                    sink.next(buffer);
                }
            });
        }
    }
}
