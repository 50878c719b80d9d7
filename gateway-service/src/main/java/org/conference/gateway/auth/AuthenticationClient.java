package org.conference.gateway.auth;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.conference.common.api.ApiError;
import org.conference.common.api.ApiException;
import org.conference.common.api.FieldError;
import org.conference.common.identity.AuthenticatedSubscriber;
import org.conference.common.identity.AuthenticationRequest;
import org.conference.common.identity.Identity;
import org.conference.common.identity.InternalJwt;
import org.conference.gateway.support.Failures;
import org.conference.gateway.support.RequestIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Asks provisioning-service whether credentials are valid ({@code POST /internal/v1/authenticate} with the gateway's
 * service identity). Empty when they are not; a 503 {@link ApiException} when provisioning cannot tell (down, slow,
 * failing), so a client is never told its good password is wrong because a service hiccupped.
 */
public class AuthenticationClient {

    static final String PATH = "/internal/v1/authenticate";
    private static final Logger log = LoggerFactory.getLogger(AuthenticationClient.class);

    private final WebClient http;
    private final String baseUrl;
    private final InternalJwt jwt;
    private final Duration responseTimeout;

    /** {@code baseUrl} is {@code http://<service-id>} behind a load-balanced client, or a plain URL. */
    public AuthenticationClient(WebClient http, String baseUrl, InternalJwt jwt, Duration responseTimeout) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.jwt = jwt;
        this.responseTimeout = responseTimeout;
    }

    public Mono<AuthenticatedSubscriber> authenticate(AuthenticationRequest request, String requestId) {
        return Mono.defer(() -> http.post()
                        .uri(baseUrl + PATH)
                        .header(InternalJwt.HEADER, jwt.mint(Identity.service("gateway-service")))
                        .header(RequestIdFilter.HEADER, requestId)
                        .contentType(MediaType.APPLICATION_JSON)
                        .accept(MediaType.APPLICATION_JSON)
                        .bodyValue(request)
                        .exchangeToMono(this::read))
                // A refused connection never delivered the request: another instance may answer.
                .retryWhen(Retry.max(1).filter(Failures::isConnectFailure))
                .timeout(responseTimeout, Mono.error(() -> new TimeoutException("no answer in " + responseTimeout)))
                .onErrorMap(failure -> !(failure instanceof ApiException), this::unavailable);
    }

    private Mono<AuthenticatedSubscriber> read(ClientResponse response) {
        HttpStatus status = HttpStatus.resolve(response.statusCode().value());
        if (status == HttpStatus.OK) {
            return response.bodyToMono(AuthenticatedSubscriber.class);
        }
        if (response.statusCode().is4xxClientError()) {
            // 401 is the contract's "wrong credentials"; other 4xx mean provisioning could not accept them either.
            return response.releaseBody().then(Mono.empty());
        }
        return response.releaseBody().then(Mono.error(new IllegalStateException(
                "provisioning answered " + response.statusCode().value() + " to " + PATH)));
    }

    private ApiException unavailable(Throwable failure) {
        log.warn("cannot authenticate: provisioning unavailable ({})", failure.toString());
        String message = "service unavailable";
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
                ApiError.of(message, FieldError.cause("authentication is unavailable, try again later")));
    }
}
