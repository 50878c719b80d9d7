package org.conference.callback.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real webhook receiver on a free loopback port (the JDK's HTTP server, threads of its own): records every request
 * with its headers and body, and answers each path with the replies queued for it, then with its default.
 */
final class Receiver implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** How to answer one request: a status, extra headers, and a wait before answering. */
    record Reply(int status, Map<String, String> headers, long delayMillis) {
        static Reply status(int status) {
            return new Reply(status, Map.of(), 0);
        }

        static Reply slow(int status, long delayMillis) {
            return new Reply(status, Map.of(), delayMillis);
        }

        Reply withHeader(String name, String value) {
            Map<String, String> more = new java.util.HashMap<>(headers);
            more.put(name, value);
            return new Reply(status, Map.copyOf(more), delayMillis);
        }
    }

    record Request(String path, Map<String, List<String>> headers, String body, long receivedAt) {
        String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0)).findFirst().orElse(null);
        }

        Map<String, Object> event() {
            return JSON.readValue(body, new TypeReference<Map<String, Object>>() {
            });
        }

        String webhookId() {
            return header("webhook-id");
        }

        long sequence() {
            return ((Number) event().get("sequence")).longValue();
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(16);
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, ConcurrentLinkedQueue<Reply>> queued = new ConcurrentHashMap<>();
    private final Map<String, Reply> defaults = new ConcurrentHashMap<>();

    Receiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** The next requests to {@code path} get these replies, in order; then the path's default (200). */
    Receiver queue(String path, Reply... replies) {
        queued.computeIfAbsent(path, p -> new ConcurrentLinkedQueue<>()).addAll(List.of(replies));
        return this;
    }

    Receiver answerAlways(String path, Reply reply) {
        defaults.put(path, reply);
        return this;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> requests(String path) {
        return requests.stream().filter(request -> request.path().equals(path)).toList();
    }

    List<Request> requests(Predicate<Request> which) {
        return requests.stream().filter(which).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long receivedAt = System.currentTimeMillis();
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String path = exchange.getRequestURI().getPath();
        Map<String, List<String>> headers = Map.copyOf(exchange.getRequestHeaders());
        requests.add(new Request(path, headers, body, receivedAt));
        ConcurrentLinkedQueue<Reply> replies = queued.get(path);
        Reply next = replies == null ? null : replies.poll();
        Reply reply = next != null ? next : defaults.getOrDefault(path, Reply.status(200));
        if (reply.delayMillis() > 0) {
            try {
                Thread.sleep(reply.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] answer = ("{\"answer\":" + reply.status() + "}").getBytes(StandardCharsets.UTF_8);
        try {
            exchange.sendResponseHeaders(reply.status(), answer.length);
            exchange.getResponseBody().write(answer);
        } catch (IOException clientGone) {
            // the sender timed out and closed the connection: nothing to answer
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
