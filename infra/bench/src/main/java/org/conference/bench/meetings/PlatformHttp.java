package org.conference.bench.meetings;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * java.net.http with a bound on the requests in flight: {@link #send} waits for a free slot before it sends, so a
 * thousand calls need a handful of threads and at most {@code concurrency} connections, not a thread each.
 */
final class PlatformHttp implements AutoCloseable {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    /**
     * One answer, or its absence ({@code status} 0 and {@code failure} say why).
     *
     * @param receivedAt {@link System#nanoTime()} when the whole body had arrived
     */
    record Answer(int status, JsonNode body, long receivedAt, String failure) {

        boolean successful() {
            return status >= 200 && status < 300;
        }

        /** For error messages and the error tally: the status and, if any, the API's error message. */
        String describe() {
            if (status == 0) {
                return "no answer (" + failure + ")";
            }
            String message = body == null ? "" : body.path("message").asString("");
            return message.isEmpty() ? Integer.toString(status) : status + " " + message;
        }
    }

    private final JsonMapper json = JsonMapper.builder().build();
    private final ExecutorService executor;
    private final HttpClient client;
    private final Semaphore inFlight;

    PlatformHttp(String name, int concurrency) {
        executor = Executors.newFixedThreadPool(2, work -> {
            Thread thread = new Thread(work, name + "-http");
            thread.setDaemon(true);
            return thread;
        });
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .connectTimeout(Duration.ofSeconds(5)).build();
        inFlight = new Semaphore(concurrency);
    }

    /**
     * Sends once a slot is free (the calling thread waits for it); never completes exceptionally.
     *
     * @param justBeforeSending runs once the slot is taken, so a time it notes leaves out the wait for the slot
     */
    CompletableFuture<Answer> send(HttpRequest request, Runnable justBeforeSending) {
        inFlight.acquireUninterruptibly();
        justBeforeSending.run();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, failure) -> {
                    long at = System.nanoTime();
                    inFlight.release();
                    return failure != null ? new Answer(0, null, at, failure.toString())
                            : new Answer(response.statusCode(), parse(response.body()), at, null);
                });
    }

    HttpRequest request(URI base, String pathAndQuery, String method, Object body, String authorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        if (body == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return builder.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build();
    }

    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    /** A query parameter's value, with spaces as {@code %20} (not {@code +}, which a filter might keep). */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
