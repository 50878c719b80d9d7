package org.conference.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON over HTTP from the test's side, as any client of the platform would speak it: a body in, a status and a body
 * out. {@code authorization} (may be null) goes on every request.
 */
final class JsonHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    private static final TypeReference<List<Map<String, Object>>> ARRAY = new TypeReference<>() {
    };

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String authorization;

    JsonHttp(String baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    /** Where the requests go, e.g. for a non-JSON download. */
    String baseUrl() {
        return baseUrl;
    }

    /** An answer: its status and its body as it came. */
    record Answer(String request, int status, String body) {

        Map<String, Object> object() {
            return JSON.readValue(body, OBJECT);
        }

        List<Map<String, Object>> array() {
            return JSON.readValue(body, ARRAY);
        }

        /** The body as an object, after checking the status; the message names the request and its answer. */
        Map<String, Object> object(int expectedStatus) {
            expect(expectedStatus);
            return object();
        }

        Answer expect(int expectedStatus) {
            if (status != expectedStatus) {
                throw new AssertionError(request + " answered " + status + " (expected " + expectedStatus + "): "
                        + body);
            }
            return this;
        }
    }

    /** An answer whose body is bytes (a file's download): its status, its headers and the bytes as they came. */
    record Download(String request, int status, HttpHeaders headers, byte[] body) {

        Download expect(int expectedStatus) {
            if (status != expectedStatus) {
                throw new AssertionError(request + " answered " + status + " (expected " + expectedStatus + "): "
                        + new String(body, StandardCharsets.UTF_8));
            }
            return this;
        }
    }

    Answer get(String path) {
        return send("GET", path, null);
    }

    Answer post(String path, Object body) {
        return send("POST", path, body);
    }

    Answer put(String path, Object body) {
        return send("PUT", path, body);
    }

    Answer delete(String path) {
        return send("DELETE", path, null);
    }

    /**
     * GET of {@code originPath} (e.g. a File Descriptor's {@code url}, {@code /storage/...}) at the origin of
     * {@link #baseUrl()}, with the same authorization.
     */
    Download download(String originPath) {
        URI origin = URI.create(baseUrl).resolve("/");
        HttpRequest.Builder request = HttpRequest.newBuilder(origin.resolve(originPath)).timeout(Duration.ofSeconds(60))
                .GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download("GET " + originPath, response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + originPath + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("GET " + originPath + " interrupted", e);
        }
    }

    /** {@code POST path} of one file as the multipart field {@code file}, as a browser form or curl -F sends it. */
    Answer upload(String path, String fileName, String contentType, byte[] content) {
        String boundary = "e2e-" + UUID.randomUUID();
        ByteArrayOutputStream multipart = new ByteArrayOutputStream();
        multipart.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        multipart.writeBytes(content);
        multipart.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart.toByteArray()));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        String described = "POST " + path + " (file " + fileName + ", " + content.length + " bytes)";
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(described, response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(described + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(described + " interrupted", e);
        }
    }

    private Answer send(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        String text = body == null ? null : JSON.writeValueAsString(body);
        if (text == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(text));
        }
        String described = method + " " + path + (text == null ? "" : " " + text);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(described, response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(described + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(described + " interrupted", e);
        }
    }
}
