package org.conference.localstack.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Whether an instance is up: a service when {@code /actuator/health} on its management port answers 200 with status
 * UP (Spring Boot answers 503 for anything else), Kafka and MongoDB when every port of theirs accepts connections.
 */
public final class HealthCheck {

    private static final Pattern UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(5);

    private final String host;
    private final HttpClient http;

    public HealthCheck(String host) {
        this.host = host;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
                .build();
    }

    public boolean isUp(Instance instance) {
        if (instance.kind() == ProcessKind.SERVICE) {
            return serviceSaysUp(instance);
        }
        return instance.ports().values().stream().allMatch(port -> Ports.answers(host, port, CONNECT_TIMEOUT));
    }

    /** For --status: what the check found, in words. */
    public String describe(Instance instance) {
        boolean up = isUp(instance);
        if (instance.kind() == ProcessKind.SERVICE) {
            return up ? "UP" : "not UP";
        }
        return up ? "listening" : "not listening";
    }

    private boolean serviceSaysUp(Instance instance) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(instance.healthUrl(host))).timeout(ANSWER_TIMEOUT)
                .GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && UP.matcher(response.body()).find();
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
