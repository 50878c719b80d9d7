package org.conference.gateway.balancing;

import java.util.Set;

import org.conference.gateway.support.Failures;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Sends a request to another instance when the chosen one refused the connection, for idempotent methods only
 * (GET, HEAD, OPTIONS, PUT, DELETE). A refused connection means the request never left the gateway, so its body was
 * never read and can still be sent: nothing is buffered (SCG's Retry filter would cache every body of the route).
 * Timeouts and broken connections are not retried: the service may have acted, and the client gets its answer within
 * the route's timeout.
 */
public class FailoverFilter implements GlobalFilter, Ordered {

    private static final Set<HttpMethod> IDEMPOTENT =
            Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.PUT, HttpMethod.DELETE);

    private final int retries;

    public FailoverFilter(int retries) {
        this.retries = retries;
    }

    /** Before the route URL is resolved, so that each attempt goes through the load balancer again. */
    @Override
    public int getOrder() {
        return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER - 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (retries <= 0 || !IDEMPOTENT.contains(exchange.getRequest().getMethod())) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange).retryWhen(Retry.max(retries)
                .filter(Failures::isConnectFailure)
                .doBeforeRetry(signal -> ServerWebExchangeUtils.reset(exchange))
                .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
    }
}
