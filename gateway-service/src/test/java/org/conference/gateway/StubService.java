package org.conference.gateway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for a back-end service on a loopback port: records every request it gets (method, raw URI, headers, body
 * size) and answers JSON naming itself. Paths ending in {@code /slow} answer after 10 s, {@code /forbidden} with the
 * API's 403, {@code /cors-echo} with CORS headers of its own.
 */
public class StubService implements AutoCloseable {

    /** A request as the service saw it; header names lower-cased. */
    public record Received(String method, String uri, Map<String, List<String>> headers, long bodyBytes) {

        public List<String> header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }
    }

    protected static final JsonMapper JSON = JsonMapper.builder().build();

    private final String name;
    private final DisposableServer server;
    private final Queue<Received> received = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicLong> bytesSoFar = new ConcurrentHashMap<>();
    private final Set<Channel> channels = ConcurrentHashMap.newKeySet();

    public StubService(String name, String host, int port) {
        this.name = name;
        this.server = HttpServer.create().host(host).port(port)
                .doOnConnection(connection -> {
                    // The channel, not the Connection: that one is the per-request operations object.
                    Channel channel = connection.channel();
                    if (channels.add(channel)) {
                        channel.closeFuture().addListener(closed -> channels.remove(channel));
                    }
                })
                .handle(this::handle)
                .bindNow(Duration.ofSeconds(10));
    }

    public String name() {
        return name;
    }

    public int port() {
        return server.port();
    }

    public String url() {
        return "http://" + server.host() + ":" + server.port();
    }

    public List<Received> requests() {
        return new ArrayList<>(received);
    }

    public List<Received> requests(Predicate<Received> which) {
        return received.stream().filter(which).toList();
    }

    /** The one request whose URI contains {@code marker}. */
    public Received requestWith(String marker) {
        List<Received> matching = requests(r -> r.uri().contains(marker));
        if (matching.size() != 1) {
            throw new AssertionError(name + " got " + matching.size() + " requests containing " + marker);
        }
        return matching.get(0);
    }

    /** Body bytes received so far for the request whose URI contains {@code marker} (while it still streams). */
    public long bytesSoFar(String marker) {
        return bytesSoFar.entrySet().stream().filter(e -> e.getKey().contains(marker))
                .mapToLong(e -> e.getValue().get()).sum();
    }

    private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        if (wantsBody(request)) {
            return request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0]).flatMap(body -> {
                received.add(new Received(request.method().name(), request.uri(), headersOf(request), body.length));
                return respond(request, response, body);
            });
        }
        AtomicLong counter = bytesSoFar.computeIfAbsent(request.uri(), uri -> new AtomicLong());
        return request.receive()
                .map(ByteBuf::readableBytes)
                .doOnNext(counter::addAndGet)
                .reduce(0L, Long::sum)
                .flatMap(size -> {
                    received.add(new Received(request.method().name(), request.uri(), headersOf(request), size));
                    return respond(request, response, null);
                });
    }

    /** True when {@link #respond} needs the body's bytes (small bodies only); otherwise they are only counted. */
    protected boolean wantsBody(HttpServerRequest request) {
        return false;
    }

    /** Answers a request whose body was fully read ({@code body} only when {@link #wantsBody}). */
    protected Mono<Void> respond(HttpServerRequest request, HttpServerResponse response, byte[] body) {
        String path = request.fullPath();
        if (path.endsWith("/slow")) {
            return Mono.delay(Duration.ofSeconds(10)).then(json(response, 200, echo(request)));
        }
        if (path.endsWith("/forbidden")) {
            return json(response, 403, Map.of("message", "permission denied", "errors",
                    List.of(Map.of("field", "cause", "message", "permission denied"))));
        }
        if (path.endsWith("/cors-echo")) {
            response.header("Access-Control-Allow-Origin", "http://service.example")
                    .header("X-Request-Id", "set-by-service");
        }
        return json(response, 200, echo(request));
    }

    private Map<String, Object> echo(HttpServerRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("service", name);
        body.put("method", request.method().name());
        body.put("uri", request.uri());
        return body;
    }

    protected static Mono<Void> json(HttpServerResponse response, int status, Object body) {
        return response.status(status)
                .header("Content-Type", "application/json")
                .sendString(Mono.just(JSON.writeValueAsString(body)))
                .then();
    }

    private static Map<String, List<String>> headersOf(HttpServerRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.requestHeaders().forEach(entry -> headers
                .computeIfAbsent(entry.getKey().toLowerCase(Locale.ROOT), key -> new ArrayList<>())
                .add(entry.getValue()));
        return headers;
    }

    /** Dies like a crashed process: open connections are cut as well, not only the listening socket. */
    public void kill() {
        server.dispose();
        channels.forEach(Channel::close);
        server.onDispose().block(Duration.ofSeconds(5));
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(5));
    }
}
