package org.conference.gateway.errors;

import java.util.List;

import org.conference.common.api.ApiError;
import org.conference.common.api.ApiException;
import org.conference.common.api.FieldError;
import org.conference.gateway.support.Failures;
import org.conference.gateway.support.RequestIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import reactor.core.publisher.Mono;

/**
 * Turns what can go wrong between the gateway and a service into the API's error format, just ahead of the shared
 * {@code ApiErrorWebExceptionHandler} (order -2), which renders the {@link ApiException} this handler passes on:
 * a service that refuses connections, has no instance, or breaks the connection gives 503; one that does not answer
 * within the route's response timeout gives 504. Client errors go through unchanged; anything else is a 500 that
 * quotes the request id, so the log line and the client's report meet.
 */
@Component
@Order(-3)
public class GatewayErrorTranslator implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorTranslator.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (failure instanceof ApiException || exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        if (failure instanceof ResponseStatusException status && status.getStatusCode().is4xxClientError()) {
            return Mono.error(failure);
        }
        return Mono.error(translate(exchange, failure));
    }

    ApiException translate(ServerWebExchange exchange, Throwable failure) {
        String route = routeId(exchange);
        if (hasStatus(failure, HttpStatus.GATEWAY_TIMEOUT) || Failures.isTimeout(failure)) {
            log.warn("{} did not answer in time: {} [request id {}]", route, failure.getMessage(),
                    RequestIdFilter.of(exchange));
            return error(HttpStatus.GATEWAY_TIMEOUT, "gateway timeout", "the service did not answer in time");
        }
        // 503 from the gateway itself is the load balancer finding no instance at all.
        if (hasStatus(failure, HttpStatus.SERVICE_UNAVAILABLE) || Failures.isUnavailable(failure)) {
            log.warn("{} unavailable: {} [request id {}]", route, failure.toString(), RequestIdFilter.of(exchange));
            return error(HttpStatus.SERVICE_UNAVAILABLE, "service unavailable",
                    "the service is unavailable, try again later");
        }
        String requestId = RequestIdFilter.of(exchange);
        log.error("Unexpected failure of {} {} on {} [request id {}]", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), route, requestId, failure);
        return new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, new ApiError("internal server error",
                List.of(new FieldError("cause", "unexpected error, quote the reference when reporting it",
                        requestId))));
    }

    private static boolean hasStatus(Throwable failure, HttpStatus status) {
        return failure instanceof ResponseStatusException response
                && response.getStatusCode().value() == status.value();
    }

    private static ApiException error(HttpStatus status, String message, String detail) {
        return new ApiException(status, ApiError.of(message, FieldError.cause(detail)));
    }

    private static String routeId(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return route == null ? "gateway" : "route " + route.getId();
    }
}
