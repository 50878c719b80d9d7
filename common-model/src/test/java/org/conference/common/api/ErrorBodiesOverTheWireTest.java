package org.conference.common.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.conference.common.ProbeApplication;
import org.conference.common.identity.Identity;
import org.conference.common.identity.InternalJwt;
import org.conference.common.identity.Role;
import org.conference.testsupport.ApiErrorBody;
import org.conference.testsupport.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The shared web layer on a real server, read over real connections: every refusal, whether Spring's own or Reactor
 * Netty's (which a {@code WebTestClient} never reaches), has the reference's error body and JSON content type, and
 * the JSON body limit is the configured one ({@code spring.http.codecs.max-in-memory-size}, 1 MiB here, as the
 * services set it), not Spring's 256 KiB default.
 */
@SpringBootTest(classes = ProbeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"conference.identity.jwt-secret=0123456789abcdef0123456789abcdef",
                "spring.http.codecs.max-in-memory-size=1MB"})
class ErrorBodiesOverTheWireTest {

    private static final int MIB = 1024 * 1024;

    @LocalServerPort
    private int port;

    @Autowired
    private InternalJwt jwt;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {300 * 1024, MIB - 1, MIB})
    void readsJsonBodiesUpToTheLimit(int size) throws Exception {
        HttpResponse<String> response = send(post("/probes", probeOfSize(size)));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).hasSize(size);
    }

    @Test
    void refusesAJsonBodyOverTheLimitWith413NamingIt() throws Exception {
        ApiErrorBody body = ApiErrorBody.of(send(post("/probes", probeOfSize(MIB + 1))), 413);
        assertThat(body.message()).isEqualTo("request body too large: the limit is 1048576 bytes (1 MiB)");
        assertThat(body.errors()).singleElement().satisfies(error -> assertThat(error.field()).isEqualTo("cause"));
    }

    @Test
    void answersSpringsOwnRefusalsInTheApiFormat() throws Exception {
        assertThat(ApiErrorBody.of(send(request("/no-such-path").GET()), 404).message()).isEqualTo("no item error");

        HttpResponse<String> notAllowed = send(request("/probes").DELETE());
        assertThat(ApiErrorBody.of(notAllowed, 405).message()).isEqualTo("method not allowed");
        assertThat(notAllowed.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow)
                .contains("GET").contains("POST"));

        assertThat(ApiErrorBody.of(send(request("/probe-formats/json").header("Accept", "application/xml").GET()),
                406).message()).isEqualTo("not acceptable");

        assertThat(ApiErrorBody.of(send(request("/probes").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("name=x"))), 415).message())
                .isEqualTo("unsupported media type");

        ApiErrorBody malformed = ApiErrorBody.of(send(post("/probes", "{\"name\": ")), 400);
        assertThat(malformed.message()).isEqualTo("cannot parse json. Check json for validity");
        assertThat(malformed.errors()).isNull();
    }

    @Test
    void keepsTheStatusOfADeliberate503AndHidesItsReason() throws Exception {
        HttpResponse<String> response = send(request("/probes/unavailable").GET());
        ApiErrorBody body = ApiErrorBody.of(response, 503);
        assertThat(body.message()).isEqualTo("service unavailable");
        assertThat(response.body()).doesNotContain("10.0.0.7");
    }

    @Test
    void answersWhatNettyRefusesItselfInTheApiFormat() {
        ApiErrorBody longLine = ApiErrorBody.of(RawHttp.exchange(port, RawHttp.get("/" + "a".repeat(5000))), 414);
        assertThat(longLine.errors()).singleElement().satisfies(error -> assertThat(error.message())
                .isEqualTo("the request line may be at most 4096 bytes (4 KiB)"));

        ApiErrorBody bigHeaders = ApiErrorBody.of(RawHttp.exchange(port,
                RawHttp.get("/probes", "X-Padding: " + "p".repeat(9000))), 431);
        assertThat(bigHeaders.errors()).singleElement().satisfies(error -> assertThat(error.message())
                .isEqualTo("the request headers may be at most 8192 bytes (8 KiB)"));

        ApiErrorBody badHeader = ApiErrorBody.of(RawHttp.exchange(port,
                RawHttp.get("/probes", "Bad Header: a space in its name")), 400);
        assertThat(badHeader.message()).isEqualTo("bad request");
    }

    @Test
    void leavesWellFormedRequestsOnAConnectionAlone() {
        // The decoder-failure handler sits in every connection: an ordinary answer must come through untouched.
        RawHttp.Response ok = RawHttp.exchange(port, RawHttp.get("/probes", InternalJwt.HEADER + ": " + identity()));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).contains("\"probes\"");
    }

    private static String probeOfSize(int bytes) {
        String prefix = "{\"name\":\"";
        String suffix = "\",\"size\":1}";
        return prefix + "n".repeat(bytes - prefix.length() - suffix.length()) + suffix;
    }

    private String identity() {
        return jwt.mint(new Identity("sid-1", Role.USER, List.of("root", "sid-1")));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header(InternalJwt.HEADER, identity())
                .timeout(Duration.ofSeconds(20));
    }

    private HttpRequest.Builder post(String path, String json) {
        return request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
