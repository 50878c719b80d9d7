package org.conference.testsupport.processes;

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
import org.awaitility.core.TerminalFailureException;

/**
 * One of the platform's Spring Boot services as its own OS process, started from the test classpath with its
 * configuration in the environment (as the local stack and the containers run it), on free ports, so a test can kill
 * it with SIGKILL and start it again. Ready means its readiness probe answers UP.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final List<String> JVM_OPTIONS = List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Xss512k", "-Djava.awt.headless=true");

    private final String name;
    private final String mainClass;
    /** Set when the service runs from its built jar ({@code java -jar}) rather than from the test classpath. */
    private final Path jar;
    private final Map<String, String> environment;
    private final List<String> arguments;
    private final Path logDirectory;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private ChildProcess process;
    private int port;
    private int managementPort;
    private int starts;

    private ServiceProcess(String name, String mainClass, Path jar, Map<String, String> environment,
            List<String> arguments, Path logDirectory) {
        this.name = name;
        this.mainClass = mainClass;
        this.jar = jar;
        this.environment = Map.copyOf(environment);
        this.arguments = List.copyOf(arguments);
        this.logDirectory = logDirectory;
    }

    /**
     * Starts {@code mainClass} with {@code environment} (e.g. {@code MONGODB_URI}, {@code KAFKA_BOOTSTRAP_SERVERS},
     * {@code CONFERENCE_INTERNAL_JWT_SECRET}) and extra Spring {@code arguments}; returns once it is ready. Its log
     * is {@code <logDirectory>/<name>-<n>.log}, one per start.
     */
    public static ServiceProcess start(String name, String mainClass, Map<String, String> environment,
            List<String> arguments, Path logDirectory) {
        ServiceProcess service = new ServiceProcess(name, mainClass, null, environment, arguments, logDirectory);
        service.launch(FreePorts.next(), FreePorts.next());
        return service;
    }

    /**
     * As {@link #start}, but runs the service's repackaged Spring Boot {@code jar} with {@code java -jar}, as it is
     * deployed: its own dependencies, none of the test classpath's.
     */
    public static ServiceProcess startJar(String name, Path jar, Map<String, String> environment,
            List<String> arguments, Path logDirectory) {
        ServiceProcess service = new ServiceProcess(name, null, jar, environment, arguments, logDirectory);
        service.launch(FreePorts.next(), FreePorts.next());
        return service;
    }

    /**
     * As {@link #startJar}, on ports chosen beforehand: for a process whose address others must be given before it
     * runs (a gateway routing to it, a URL it announces), and which comes back there after
     * {@link #restartOnSamePorts()}.
     */
    public static ServiceProcess startJar(String name, Path jar, int port, int managementPort,
            Map<String, String> environment, List<String> arguments, Path logDirectory) {
        ServiceProcess service = new ServiceProcess(name, null, jar, environment, arguments, logDirectory);
        service.launch(port, managementPort);
        return service;
    }

    /** Where its API answers, e.g. {@code http://127.0.0.1:41234}; a restart moves it. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Where its actuator answers (health, metrics), e.g. {@code http://127.0.0.1:41235}; a restart moves it. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    /** SIGKILL: no graceful shutdown, nothing flushed, leases and half-done work left as they are. */
    public void kill() {
        process.kill();
    }

    /** Starts it again (on new ports) after {@link #kill()}; returns once it is ready. */
    public void restart() {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        launch(FreePorts.next(), FreePorts.next());
    }

    /**
     * Starts it again after {@link #kill()} on the ports it had, with the same environment and arguments, as a
     * supervisor restarts a crashed service that others know by its address; returns once it is ready.
     */
    public void restartOnSamePorts() {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        launch(port, managementPort);
    }

    public ChildProcess process() {
        return process;
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }

    private void launch(int apiPort, int actuatorPort) {
        port = apiPort;
        managementPort = actuatorPort;
        Map<String, String> env = new HashMap<>(environment);
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("MANAGEMENT_PORT", Integer.toString(managementPort));
        List<String> args = new ArrayList<>(arguments);
        // Explicit, so the probe's port is known whether or not the service moves actuator to a port of its own.
        args.add("--server.address=127.0.0.1");
        args.add("--management.server.port=" + managementPort);
        args.add("--management.server.address=127.0.0.1");
        starts++;
        Path log = logDirectory.resolve(name + "-" + starts + ".log");
        process = jar == null ? ChildProcess.startJava(name, mainClass, JVM_OPTIONS, args, env, log)
                : ChildProcess.startJar(name, jar, JVM_OPTIONS, args, env, log);
        awaitReady();
    }

    private void awaitReady() {
        HttpRequest probe = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        try {
            Awaitility.await(name + " ready").atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(500))
                    .failFast(name + " exited", () -> !process.isAlive())
                    .ignoreExceptionsInstanceOf(IOException.class)
                    .until(() -> {
                        HttpResponse<String> answer = http.send(probe, HttpResponse.BodyHandlers.ofString());
                        return answer.statusCode() == 200 && answer.body().contains("\"UP\"");
                    });
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            throw new IllegalStateException(e.getMessage() + "; its log ends:\n" + process.logTail(80), e);
        }
    }

    @Override
    public String toString() {
        return name + " at " + baseUrl();
    }
}
