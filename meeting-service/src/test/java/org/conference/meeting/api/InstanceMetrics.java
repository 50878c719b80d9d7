package org.conference.meeting.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads a meeting-service instance's counters from its {@code /actuator/prometheus}, as an operator would. */
final class InstanceMetrics {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The sum of the series {@code name} whose labels contain {@code label} ("" for all); 0 when there is none. */
    double value(String managementUrl, String name, String label) {
        HttpRequest scrape = HttpRequest.newBuilder(URI.create(managementUrl + "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(10)).GET().build();
        try {
            return http.send(scrape, HttpResponse.BodyHandlers.ofString()).body().lines()
                    .filter(line -> line.startsWith(name + "{") && line.contains(label))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code conference_calls_refused_total} for {@code reason}. */
    double refused(String managementUrl, String reason) {
        return value(managementUrl, "conference_calls_refused_total", "reason=\"" + reason + "\"");
    }
}
