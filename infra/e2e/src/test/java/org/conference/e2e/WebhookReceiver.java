package org.conference.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A subscriber's webhook endpoint, as a receiver written from the Standard Webhooks spec alone would be: the JDK's
 * HTTP server on loopback, keeping every request it gets (answered or refused) with its headers and body. While
 * {@link #refuse() refusing} it answers 503, as a receiver that is down for maintenance would, so deliveries are
 * left to retry.
 */
final class WebhookReceiver implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    private static final String PATH = "/webhooks";

    /** One request as it arrived, and whether it was answered 2xx. */
    record Webhook(String method, String contentType, String id, String timestamp, String signature, String body,
            boolean accepted) {

        Map<String, Object> event() {
            return JSON.readValue(body, OBJECT);
        }

        String type() {
            return (String) event().get("type");
        }

        /** The meeting the event is about, or null (a file event). */
        Long meetingNumber() {
            return event().get("meetingNumber") instanceof Number number ? number.longValue() : null;
        }
    }

    private final List<Webhook> received = new CopyOnWriteArrayList<>();
    private final AtomicBoolean refusing = new AtomicBoolean();
    private final ExecutorService handlers = Executors.newFixedThreadPool(4);
    private final HttpServer server;

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext(PATH, receiver::handle);
            server.setExecutor(receiver.handlers);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the webhook receiver", e);
        }
    }

    /** The callback URL to give the subscriber. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    /** Every request so far, in arrival order, refused ones included. */
    List<Webhook> received() {
        return List.copyOf(received);
    }

    /** Answers 503 from now on, until {@link #accept()}. */
    void refuse() {
        refusing.set(true);
    }

    void accept() {
        refusing.set(false);
    }

    /**
     * Standard Webhooks verification, written from the spec: HMAC-SHA256 keyed with the base64-decoded part of the
     * {@code whsec_} secret, over {@code id.timestamp.body}, compared in constant time with each {@code v1,}
     * signature of the space-separated header.
     */
    static boolean signedWith(String secret, Webhook webhook) {
        if (!secret.startsWith("whsec_") || webhook.signature() == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())),
                    "HmacSHA256"));
            byte[] expected = mac.doFinal((webhook.id() + "." + webhook.timestamp() + "." + webhook.body())
                    .getBytes(StandardCharsets.UTF_8));
            return Arrays.stream(webhook.signature().split(" ")).filter(part -> part.startsWith("v1,"))
                    .anyMatch(part -> MessageDigest.isEqual(expected, Base64.getDecoder().decode(part.substring(3))));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            boolean accepted = !refusing.get();
            received.add(new Webhook(exchange.getRequestMethod(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), body, accepted));
            exchange.sendResponseHeaders(accepted ? 204 : 503, -1);
        }
    }
}
