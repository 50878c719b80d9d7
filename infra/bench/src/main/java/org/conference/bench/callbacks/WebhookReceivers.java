package org.conference.bench.callbacks;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The benchmark's webhook endpoints on loopback: healthy ones answer 204 at once, the slow one after its delay, and
 * the dead one is a port nothing listens on. Each healthy and slow endpoint notes, per webhook-id, when it first
 * arrived and the event's {@code occurredAt}.
 */
final class WebhookReceivers implements AutoCloseable {

    private static final Pattern OCCURRED_AT = Pattern.compile("\"occurredAt\"\\s*:\\s*(\\d+)");

    /** The first arrival of one event at one endpoint (epoch ms, the same clock as the publisher's). */
    record Arrival(long occurredAt, long receivedAt) {
        long latency() {
            return receivedAt - occurredAt;
        }
    }

    enum Kind { HEALTHY, SLOW, DEAD }

    final class Receiver {
        final Kind kind;
        final int port;
        final Map<String, Arrival> arrivals = new ConcurrentHashMap<>();
        final AtomicInteger requests = new AtomicInteger();

        Receiver(Kind kind, int port) {
            this.kind = kind;
            this.port = port;
        }

        String url() {
            return "http://127.0.0.1:" + port + "/webhooks/" + kind.name().toLowerCase() + "-" + port;
        }
    }

    private final List<Receiver> receivers = new ArrayList<>();
    private final List<HttpServer> servers = new ArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "webhook-receiver");
        thread.setDaemon(true);
        return thread;
    });

    WebhookReceivers(int healthy, long slowMillis) throws IOException {
        for (int i = 0; i < healthy; i++) {
            receivers.add(serve(Kind.HEALTHY, 0));
        }
        receivers.add(serve(Kind.SLOW, slowMillis));
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // closed again at once: a connection to it is refused, as to an endpoint that is down
            receivers.add(new Receiver(Kind.DEAD, probe.getLocalPort()));
        }
    }

    List<Receiver> all() {
        return List.copyOf(receivers);
    }

    List<Receiver> of(Kind kind) {
        return receivers.stream().filter(receiver -> receiver.kind == kind).toList();
    }

    private Receiver serve(Kind kind, long delayMillis) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        Receiver receiver = new Receiver(kind, server.getAddress().getPort());
        server.createContext("/", exchange -> answer(receiver, exchange, delayMillis));
        server.setExecutor(threads);
        server.start();
        servers.add(server);
        return receiver;
    }

    private static void answer(Receiver receiver, HttpExchange exchange, long delayMillis) throws IOException {
        long receivedAt = System.currentTimeMillis();
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        receiver.requests.incrementAndGet();
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        Matcher occurred = OCCURRED_AT.matcher(body);
        if (id != null && occurred.find()) {
            receiver.arrivals.putIfAbsent(id, new Arrival(Long.parseLong(occurred.group(1)), receivedAt));
        }
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    @Override
    public void close() {
        servers.forEach(server -> server.stop(0));
        threads.shutdownNow();
    }
}
