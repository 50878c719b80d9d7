package org.conference.bench.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The gateway as it runs in production: its own JVM from the built jar, pointed at the stub for every service.
 * Kafka is not needed for the measured path, so the subscriber listener and topic creation are switched off, and
 * its bootstrap address is a closed loopback port: nothing leaves the machine.
 */
final class GatewayProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    /** Health is served here, not on the API port (ARCHITECTURE.md section 1). */
    private final int managementPort;

    private GatewayProcess(Process process, int port, int managementPort) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
    }

    static GatewayProcess start(Path jar, String backendUrl, Path log, Duration startTimeout)
            throws IOException, InterruptedException {
        int port = freePort();
        int managementPort = freePort();
        while (managementPort == port) {
            managementPort = freePort();
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m"));
        // e.g. -Dbench.gateway.jvm-args="-XX:StartFlightRecording=filename=/tmp/gateway.jfr" to profile it
        String extra = System.getProperty("bench.gateway.jvm-args", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString(),
                "--spring.kafka.listener.auto-startup=false", "--spring.kafka.admin.auto-create=false"));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("MANAGEMENT_PORT", Integer.toString(managementPort));
        env.put("PROVISIONING_SERVICE_URI", backendUrl);
        env.put("MEETING_SERVICE_URI", backendUrl);
        env.put("MEDIA_SERVICE_URI", backendUrl);
        env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + freePort());
        env.put("CONFERENCE_INTERNAL_JWT_SECRET", "bench-secret-of-at-least-thirty-two-bytes");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        GatewayProcess gateway = new GatewayProcess(builder.start(), port, managementPort);
        gateway.awaitHealthy(startTimeout);
        return gateway;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitHealthy(Duration timeout) throws InterruptedException, IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        URI healthUri = URI.create("http://127.0.0.1:" + managementPort + "/actuator/health");
        HttpRequest health = HttpRequest.newBuilder(healthUri).timeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the gateway exited with " + process.exitValue());
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("the gateway was not healthy within " + timeout);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
