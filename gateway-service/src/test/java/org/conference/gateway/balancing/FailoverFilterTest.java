package org.conference.gateway.balancing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Retries go to another instance only for idempotent methods, and only when the connection was refused. */
class FailoverFilterTest {

    private final FailoverFilter filter = new FailoverFilter(2);

    @ParameterizedTest
    @ValueSource(strings = {"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
    void retriesAnIdempotentRequestWhoseConnectionWasRefused(String method) {
        AtomicInteger attempts = new AtomicInteger();
        GatewayFilterChain refusedOnce = exchange -> Mono.defer(() -> attempts.incrementAndGet() == 1
                ? Mono.error(new ConnectException("Connection refused")) : Mono.empty());

        StepVerifier.create(filter.filter(exchange(method), refusedOnce)).verifyComplete();
        assertThat(attempts).hasValue(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PATCH"})
    void neverRetriesAnotherMethod(String method) {
        AtomicInteger attempts = new AtomicInteger();
        GatewayFilterChain refused = exchange -> Mono.defer(() -> {
            attempts.incrementAndGet();
            return Mono.error(new ConnectException("Connection refused"));
        });

        StepVerifier.create(filter.filter(exchange(method), refused)).verifyError(ConnectException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void neverRetriesWhenTheRequestMayHaveReachedTheService() {
        AtomicInteger attempts = new AtomicInteger();
        GatewayFilterChain broken = exchange -> Mono.defer(() -> {
            attempts.incrementAndGet();
            return Mono.error(new java.io.IOException("Connection reset by peer"));
        });

        StepVerifier.create(filter.filter(exchange("GET"), broken)).verifyError(java.io.IOException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void givesUpAfterTheConfiguredRetries() {
        AtomicInteger attempts = new AtomicInteger();
        GatewayFilterChain alwaysRefused = exchange -> Mono.defer(() -> {
            attempts.incrementAndGet();
            return Mono.error(new ConnectException("Connection refused"));
        });

        StepVerifier.create(filter.filter(exchange("GET"), alwaysRefused)).verifyError(ConnectException.class);
        assertThat(attempts).hasValue(3);
    }

    private static MockServerWebExchange exchange(String method) {
        return MockServerWebExchange.from(MockServerHttpRequest.method(HttpMethod.valueOf(method), "/x"));
    }
}
