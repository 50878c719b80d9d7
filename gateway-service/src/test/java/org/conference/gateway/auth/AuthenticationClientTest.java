package org.conference.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import org.conference.common.api.ApiException;
import org.conference.common.identity.AuthenticationRequest;
import org.conference.common.identity.InternalJwt;
import org.conference.testsupport.BackingServicesInitializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;

/** Wrong credentials are "empty"; a provisioning that cannot answer is a 503, never a 401 for a good password. */
class AuthenticationClientTest {

    private final InternalJwt jwt = new InternalJwt(BackingServicesInitializer.TEST_JWT_SECRET);
    private DisposableServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.disposeNow();
        }
    }

    @Test
    void readsASubscriberFromA200() {
        String body = "{\"sid\":\"sid-a\",\"login\":\"alice\",\"role\":1,\"lineage\":[\"sid-a\"],\"extra\":true}";
        StepVerifier.create(clientAnswering(200, body).authenticate(AuthenticationRequest.basic("alice", "pw"), "r1"))
                .assertNext(subscriber -> {
                    assertThat(subscriber.sid()).isEqualTo("sid-a");
                    assertThat(subscriber.lineage()).isEqualTo(List.of("sid-a"));
                })
                .verifyComplete();
    }

    @Test
    void treatsA401AsWrongCredentials() {
        StepVerifier.create(clientAnswering(401, "{}").authenticate(AuthenticationRequest.bearer("t"), "r2"))
                .verifyComplete();
    }

    @Test
    void reportsAFailingProvisioningAsUnavailable() {
        StepVerifier.create(clientAnswering(500, "oops").authenticate(AuthenticationRequest.bearer("t"), "r3"))
                .verifyErrorSatisfies(AuthenticationClientTest::isServiceUnavailable);
    }

    @Test
    void reportsAnUnreachableProvisioningAsUnavailable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = socket.getLocalPort();
        }
        var client = new AuthenticationClient(WebClient.create(), "http://127.0.0.1:" + port, jwt,
                Duration.ofSeconds(2));
        StepVerifier.create(client.authenticate(AuthenticationRequest.bearer("t"), "r4"))
                .verifyErrorSatisfies(AuthenticationClientTest::isServiceUnavailable);
    }

    @Test
    void reportsASlowProvisioningAsUnavailableWithinTheTimeout() {
        server = HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> Mono.delay(Duration.ofSeconds(5)).then(response.send()))
                .bindNow();
        var client = new AuthenticationClient(WebClient.create(), "http://127.0.0.1:" + server.port(), jwt,
                Duration.ofMillis(300));
        StepVerifier.create(client.authenticate(AuthenticationRequest.bearer("t"), "r5"))
                .expectErrorSatisfies(AuthenticationClientTest::isServiceUnavailable)
                .verify(Duration.ofSeconds(2));
    }

    private AuthenticationClient clientAnswering(int status, String body) {
        server = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.post(AuthenticationClient.PATH, (request, response) -> {
                    boolean trusted = jwt.verify(request.requestHeaders().get(InternalJwt.HEADER)).isPresent();
                    return response.status(trusted ? status : 418).header("Content-Type", "application/json")
                            .sendString(Mono.just(body)).then();
                }))
                .bindNow();
        return new AuthenticationClient(WebClient.create(), "http://127.0.0.1:" + server.port(), jwt,
                Duration.ofSeconds(2));
    }

    private static void isServiceUnavailable(Throwable failure) {
        assertThat(failure).isInstanceOf(ApiException.class);
        assertThat(((ApiException) failure).status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }
}
