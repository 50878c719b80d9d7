package org.conference.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.conference.testsupport.RawHttp;
import org.conference.testsupport.TestIdentities;
import org.conference.testsupport.WithBackingServices;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The request sequence that once got no answer in {@code CallFlowApiTest}: a login (answered once MongoDB has
 * answered), then a call flow that does not exist (a 404 from memory, at once), then a bad filter, all on one
 * keep-alive connection, each sent as soon as the answer before it is in. When the 404 arrived before the login's
 * answer had been finished off, the connection was never read again (common-model's {@code KeepAliveReads}), and
 * the bad filter waited for its 400 until the client gave up. The race is run many times, on a fresh context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithBackingServices
class KeepAliveConnectionTest {

    /** Each answer takes milliseconds; one that has not come in this long never comes. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    private static final String LOGIN_BODY = "{\"login\":\"nobody-" + UUID.randomUUID() + "\",\"password\":\"x\"}";
    private static final String UNKNOWN_CALL_FLOW = "/conference/v1/callFlows/2";
    private static final String BAD_FILTER = "/conference/v1/callFlows?filter=name%20zz%20CONF";

    @LocalServerPort
    private int port;

    @Test
    void aClientThatSendsEachRequestAsSoonAsItHasTheAnswerGetsEveryAnswer() {
        for (int connectionNumber = 0; connectionNumber < 10; connectionNumber++) {
            try (RawHttp.Connection connection = RawHttp.Connection.open(port, ANSWER_TIMEOUT)) {
                for (int round = 0; round < 10; round++) {
                    connection.send(login());
                    assertThat(connection.next().status()).isEqualTo(401);
                    connection.send(get(UNKNOWN_CALL_FLOW));
                    assertThat(connection.next().body()).contains("cannot find call flow");
                    connection.send(get(BAD_FILTER));
                    RawHttp.Response badFilter = connection.next();
                    assertThat(badFilter.status()).as("connection %d, round %d", connectionNumber, round)
                            .isEqualTo(400);
                    assertThat(badFilter.body()).contains("\"field\":\"filter\"");
                }
            }
        }
    }

    /** As the API tests' own client does it: pooled, here with one connection so that every request reuses it. */
    @Test
    void aPooledClientOnOneConnectionGetsEveryAnswer() {
        ConnectionProvider oneConnection = ConnectionProvider.create("keep-alive-test", 1);
        try {
            WebClient client = WebClient.builder().baseUrl("http://127.0.0.1:" + port)
                    .clientConnector(new ReactorClientHttpConnector(HttpClient.create(oneConnection))).build();
            String caller = TestIdentities.subscriber("sid-1", 1, List.of("sid-1"));
            for (int round = 0; round < 40; round++) {
                assertThat(status(client.post().uri("/internal/v1/authenticate")
                        .header(TestIdentities.HEADER, TestIdentities.service("gateway-service"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("login", "nobody", "password", "x")))).isEqualTo(401);
                assertThat(status(client.get().uri(UNKNOWN_CALL_FLOW).header(TestIdentities.HEADER, caller)))
                        .isEqualTo(404);
                assertThat(status(client.get().uri(BAD_FILTER).header(TestIdentities.HEADER, caller)))
                        .as("round %d", round).isEqualTo(400);
            }
        } finally {
            oneConnection.disposeLater().block(ANSWER_TIMEOUT);
        }
    }

    private static Integer status(WebClient.RequestHeadersSpec<?> request) {
        return request.exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()))
                .block(ANSWER_TIMEOUT);
    }

    private static String login() {
        return "POST /internal/v1/authenticate HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + TestIdentities.HEADER + ": " + TestIdentities.service("gateway-service") + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + LOGIN_BODY.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + LOGIN_BODY;
    }

    private static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + TestIdentities.HEADER + ": " + TestIdentities.subscriber("sid-1", 1, List.of("sid-1")) + "\r\n\r\n";
    }
}
