package org.conference.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.conference.testsupport.ApiErrorBody;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the gateway answers itself, read over a real connection as a client of the reference reads it: status,
 * {@code Content-Type: application/json} and the error body's exact shape. (Reactor Netty's own refusals, 414, 431
 * and 400, are pinned for the gateway and every service by the shared wiring contract; a refused connection to a
 * service, 503, by {@link LoadSpreadingTest}.)
 */
class GatewayErrorBodiesTest extends GatewayTestBase {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private String authorization;

    @BeforeEach
    void setUp() {
        provisioning.addUser("erring", "erring-password", 3);
        authorization = basic("erring", "erring-password");
    }

    @Test
    void unroutedPathsAre404() throws Exception {
        for (String path : new String[] {"/conference/v1/no-such-collection", "/internal/v1/authenticate",
                "/actuator/health", "/"}) {
            ApiErrorBody body = ApiErrorBody.of(send(request(path).GET()), 404);
            assertThat(body.message()).as(path).isEqualTo("no item error");
            assertThat(body.errors()).singleElement().satisfies(error -> {
                assertThat(error.field()).isNull();
                assertThat(error.message()).isEqualTo("cannot find resource");
            });
        }
    }

    @Test
    void missingCredentialsAre401WithAChallenge() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/conference/v1/meetings")).GET());
        ApiErrorBody body = ApiErrorBody.of(response, 401);
        assertThat(body.message()).isEqualTo("authentication required");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"conference\"");
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeIs504() throws Exception {
        ApiErrorBody body = ApiErrorBody.of(send(request("/conference/v1/meetings/273751/slow").GET()), 504);
        assertThat(body.message()).isEqualTo("gateway timeout");
        assertThat(body.errors()).singleElement()
                .satisfies(error -> assertThat(error.message()).isEqualTo("the service did not answer in time"));
    }

    @Test
    void aJsonBodyOverTheLimitIs413NamingIt() throws Exception {
        byte[] oversized = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(oversized, (byte) ' ');
        ApiErrorBody body = ApiErrorBody.of(send(request("/conference/v1/meetingRooms")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(oversized))), 413);
        assertThat(body.message()).isEqualTo("request body too large: the limit is 1048576 bytes (1 MiB)");
    }

    @Test
    void aRefusedCorsPreflightIs403() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/conference/v1/meetings"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://app.example")
                .header("Access-Control-Request-Method", "TRACE"));
        ApiErrorBody body = ApiErrorBody.of(response, 403);
        assertThat(body.message()).isEqualTo("invalid cors request");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", authorization);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
