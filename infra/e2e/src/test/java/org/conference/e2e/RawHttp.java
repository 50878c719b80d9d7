package org.conference.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Any request to the gateway, as it came back: for operations {@link JsonHttp} does not speak (HEAD, multipart). */
final class RawHttp {

    /** What was sent, for messages. */
    record Sent(String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** An answer: status, content type and body bytes. */
    record Answer(Sent request, int status, String contentType, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gatewayUrl;

    RawHttp(String gatewayUrl) {
        this.gatewayUrl = gatewayUrl;
    }

    /** {@code authorization} and {@code contentType} may be null; so may {@code body}. */
    Answer send(String method, String path, String authorization, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gatewayUrl + path))
                .timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        Sent sent = new Sent(method, path);
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(sent, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(sent + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(sent + " interrupted", e);
        }
    }
}
