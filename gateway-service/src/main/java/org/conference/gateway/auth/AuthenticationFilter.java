package org.conference.gateway.auth;

import java.time.Duration;
import java.util.Optional;

import org.conference.common.api.ApiError;
import org.conference.common.api.ApiException;
import org.conference.common.api.FieldError;
import org.conference.common.identity.AuthenticatedSubscriber;
import org.conference.gateway.support.ClientAddress;
import org.conference.gateway.support.RequestIdFilter;
import org.conference.gateway.throttling.FailureThrottle;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Authenticates every routed request (unrouted ones are 404 before this runs): Basic or Bearer credentials, checked
 * with provisioning unless recently checked. Missing or wrong credentials give 401 (the shared error handler adds
 * {@code WWW-Authenticate: Basic}); a blocked login or address gives 429 with {@code Retry-After}. The authenticated
 * subscriber is left in {@link #SUBSCRIBER} for the identity relay. A successful logout evicts the subscriber's
 * cached credentials here and now, before the client can see the answer.
 */
public class AuthenticationFilter implements GlobalFilter, Ordered {

    public static final String SUBSCRIBER = AuthenticationFilter.class.getName() + ".subscriber";
    /** After the metrics timer starts (0), so refusals are timed and counted too. */
    public static final int ORDER = 100;
    static final String LOGOUT_PATH = "/conference/v1/subscribers/logout";

    private final Authenticator authenticator;
    private final FailureThrottle throttle;

    public AuthenticationFilter(Authenticator authenticator, FailureThrottle throttle) {
        this.authenticator = authenticator;
        this.throttle = throttle;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        String address = ClientAddress.of(exchange);
        Optional<Credentials> credentials = Credentials.parse(authorization);
        String login = credentials.map(Credentials::login).orElse(null);
        Optional<Duration> blocked = throttle.blockedFor(address, login);
        if (blocked.isPresent()) {
            return tooManyAttempts(exchange, blocked.get());
        }
        if (credentials.isEmpty()) {
            if (authorization != null) {
                // Garbage in Authorization is a (poor) guess too; a request without any is just a first try.
                throttle.recordFailure(address, null);
            }
            return Mono.error(ApiException.unauthorized());
        }
        return authenticator.authenticate(credentials.get(), RequestIdFilter.of(exchange))
                .switchIfEmpty(Mono.defer(() -> {
                    throttle.recordFailure(address, login);
                    return Mono.error(ApiException.unauthorized());
                }))
                .flatMap(subscriber -> {
                    throttle.recordSuccess(login);
                    exchange.getAttributes().put(SUBSCRIBER, subscriber);
                    evictOnSuccessfulLogout(exchange, subscriber);
                    return chain.filter(exchange);
                });
    }

    private void evictOnSuccessfulLogout(ServerWebExchange exchange, AuthenticatedSubscriber subscriber) {
        var request = exchange.getRequest();
        if (request.getMethod() != HttpMethod.POST || !LOGOUT_PATH.equals(request.getPath().value())) {
            return;
        }
        exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(() -> {
            var status = exchange.getResponse().getStatusCode();
            if (status != null && status.is2xxSuccessful()) {
                authenticator.evictSubscriber(subscriber.sid());
            }
        }));
    }

    private static Mono<Void> tooManyAttempts(ServerWebExchange exchange, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        String message = "too many requests";
        return Mono.error(new ApiException(HttpStatus.TOO_MANY_REQUESTS, ApiError.of(message,
                FieldError.cause("too many failed authentication attempts, retry in " + seconds + " s"))));
    }
}
