package org.conference.media.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.conference.media.MediaApplication;
import org.conference.testsupport.processes.ChildProcess;
import org.conference.testsupport.processes.FreePorts;

/**
 * media-service as a process of its own with the JVM options a test chooses (test-support's {@code ServiceProcess}
 * fixes the heap at 256 MiB; a streaming test needs less), started from the test classpath, ready when its readiness
 * probe answers UP.
 */
public final class MediaProcess implements AutoCloseable {

    private final ChildProcess process;
    private final int port;
    private final int managementPort;

    private MediaProcess(ChildProcess process, int port, int managementPort) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
    }

    public static MediaProcess start(String name, List<String> jvmOptions, Map<String, String> environment,
            Path logDirectory) {
        int port = FreePorts.next();
        int managementPort = FreePorts.next();
        Map<String, String> env = new HashMap<>(environment);
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("MANAGEMENT_PORT", Integer.toString(managementPort));
        List<String> options = new ArrayList<>(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
                "-Djava.awt.headless=true"));
        options.addAll(jvmOptions);
        ChildProcess process = ChildProcess.startJava(name, MediaApplication.class.getName(), options,
                List.of("--server.address=127.0.0.1", "--management.server.address=127.0.0.1"), env,
                logDirectory.resolve(name + ".log"));
        MediaProcess media = new MediaProcess(process, port, managementPort);
        media.awaitReady();
        return media;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: nothing cleaned up, whatever was half written stays so. */
    public void kill() {
        process.kill();
    }

    public String logTail() {
        return process.logTail(60);
    }

    @Override
    public void close() {
        process.close();
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(managementUrl() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        try {
            Awaitility.await("media-service ready").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                    .failFast("media-service exited", () -> !process.isAlive())
                    .ignoreExceptionsInstanceOf(IOException.class)
                    .until(() -> {
                        HttpResponse<String> answer = http.send(probe, HttpResponse.BodyHandlers.ofString());
                        return answer.statusCode() == 200 && answer.body().contains("\"UP\"");
                    });
        } catch (ConditionTimeoutException | org.awaitility.core.TerminalFailureException e) {
            throw new IllegalStateException(e.getMessage() + "; its log ends:\n" + process.logTail(80), e);
        }
    }
}
