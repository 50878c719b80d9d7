package org.conference.bench.gateway;

import java.time.Duration;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The services behind the gateway, on one loopback port: provisioning's authenticate contract (every credential is
 * valid and belongs to one administrator) and the measured GET, a small fixed JSON answer.
 */
final class StubBackend implements AutoCloseable {

    static final String PATH = "/conference/v1/meetings/273751";
    private static final String SUBSCRIBER =
            "{\"sid\":\"sid-bench\",\"login\":\"bench\",\"role\":1,\"lineage\":[\"sid-bench\"]}";
    private static final String MEETING =
            "{\"meetingNumber\":273751,\"state\":\"active\",\"calls\":3,\"started\":1764300000000}";

    private final DisposableServer server;

    StubBackend() {
        server = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes
                        .post("/internal/v1/authenticate", (request, response) -> request.receive().then(
                                response.header("Content-Type", "application/json")
                                        .sendString(Mono.just(SUBSCRIBER)).then()))
                        .get(PATH, (request, response) -> response.header("Content-Type", "application/json")
                                .sendString(Mono.just(MEETING))))
                .bindNow(Duration.ofSeconds(10));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(5));
    }
}
