package org.conference.e2e;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.conference.testsupport.BackingServices;
import org.conference.testsupport.KafkaBackend;
import org.conference.testsupport.MongoBackend;
import org.conference.testsupport.processes.FreePorts;
import org.conference.testsupport.processes.ServiceProcess;

/**
 * The platform as the local stack runs it, each part its own OS process from its built jar: provisioning-service,
 * meeting-service, gateway-service and the edge simulator, configured by environment (infra/local-stack's topology),
 * on free loopback ports, against test-support's Kafka broker and MongoDB, each service with a database of its own.
 * JVMs start two at a time (starting one is CPU-bound). Closing it kills every process it started.
 */
final class Platform implements AutoCloseable {

    static final String ADMIN_LOGIN = "e2e-admin";
    /** The simulator's commands consumer: it starts at the latest offset, so it must be assigned before calls. */
    private static final String SIMULATOR_GROUP = "edge-simulator";
    private static final String TELEPHONY_COMMANDS = "conference.telephony.commands";

    private final List<ServiceProcess> started = new CopyOnWriteArrayList<>();
    private final String adminPassword = randomSecret(18);
    private final KafkaBackend kafka = BackingServices.kafka();
    private final Path logs;
    private ServiceProcess gateway;
    private ServiceProcess simulator;
    private ServiceProcess meetingService;

    private final Map<String, String> meetingSettings;

    private Platform(Path logs, Map<String, String> meetingSettings) {
        this.logs = logs;
        this.meetingSettings = Map.copyOf(meetingSettings);
    }

    /** Starts everything and returns once every service is ready and the simulator listens for commands. */
    static Platform start(BuiltJars jars, Path logs) {
        return start(jars, logs, Map.of());
    }

    /**
     * As {@link #start(BuiltJars, Path)}, with meeting-service given extra environment (e.g.
     * {@code CONFERENCE_TIMERS_POLL_INTERVAL=PT0.1S}), for scenarios that wait on its timers.
     */
    static Platform start(BuiltJars jars, Path logs, Map<String, String> meetingSettings) {
        Platform platform = new Platform(logs, meetingSettings);
        try {
            platform.launch(jars);
            return platform;
        } catch (RuntimeException | Error e) {
            platform.close();
            throw e;
        }
    }

    /** The public API, {@code http://127.0.0.1:<port>/conference/v1}, as the root administrator. */
    JsonHttp publicApi() {
        String credentials = ADMIN_LOGIN + ":" + adminPassword;
        return new JsonHttp(gateway.baseUrl() + "/conference/v1",
                "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    /** The simulator's API, {@code http://127.0.0.1:<port>/simulator/v1}; it has no authentication. */
    JsonHttp simulatorApi() {
        return new JsonHttp(simulator.baseUrl() + "/simulator/v1", null);
    }

    /** meeting-service's management port, {@code http://127.0.0.1:<port>} (its {@code /actuator/prometheus}). */
    String meetingManagementUrl() {
        return meetingService.managementUrl();
    }

    String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The end of every process's log, for a failure report. */
    String logTails(int lines) {
        StringBuilder tails = new StringBuilder();
        for (ServiceProcess service : started) {
            tails.append("==== ").append(service.process().log()).append('\n')
                    .append(service.process().logTail(lines)).append('\n');
        }
        return tails.toString();
    }

    @Override
    public void close() {
        started.forEach(ServiceProcess::close);
    }

    /**
     * At most two JVMs start at a time: provisioning- and meeting-service first, the simulator in the first free
     * slot, the gateway once both services it routes to are ready (it is given their URLs).
     */
    private void launch(BuiltJars jars) {
        MongoBackend mongo = BackingServices.mongo();
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> everyService = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "CONFERENCE_INTERNAL_JWT_SECRET", randomSecret(48));
        Path provisioningJar = jars.of("provisioning-service", "provisioning-service");
        Path meetingJar = jars.of("meeting-service", "meeting-service");
        Path simulatorJar = jars.of("infra/edge-simulator", "edge-simulator");
        Path gatewayJar = jars.of("gateway-service", "gateway-service");
        Map<String, String> admin = Map.of("CONFERENCE_ADMIN_LOGIN", ADMIN_LOGIN,
                "CONFERENCE_ADMIN_PASSWORD", adminPassword);
        ExecutorService slots = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<ServiceProcess> provisioning = CompletableFuture.supplyAsync(() -> start(
                    provisioningJar, "provisioning-service",
                    with(everyService, database(mongo, "provisioning-" + run), admin)), slots);
            CompletableFuture<ServiceProcess> meeting = CompletableFuture.supplyAsync(() -> start(
                    meetingJar, "meeting-service",
                    with(everyService, database(mongo, "meeting-" + run), meetingSettings)), slots);
            CompletableFuture<ServiceProcess> simulatorStarted = CompletableFuture.supplyAsync(() -> start(
                    simulatorJar, "edge-simulator",
                    with(everyService, Map.of("SIMULATOR_CONSUMER_GROUP", SIMULATOR_GROUP))), slots);
            CompletableFuture<ServiceProcess> gatewayStarted = provisioning.thenCombine(meeting, Platform::routes)
                    .thenApplyAsync(routes -> start(gatewayJar, "gateway-service", with(everyService, routes)),
                            slots);
            // Every start has ended, ready or failed, before a failure is thrown: close() then stops what did start.
            CompletableFuture.allOf(simulatorStarted, gatewayStarted).exceptionally(failure -> null).join();
            simulator = simulatorStarted.join();
            gateway = gatewayStarted.join();
            meetingService = meeting.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        } finally {
            slots.shutdownNow();
        }
        awaitSimulatorListening();
    }

    private static Map<String, String> routes(ServiceProcess provisioning, ServiceProcess meeting) {
        return Map.of(
                "PROVISIONING_SERVICE_URI", provisioning.baseUrl(),
                "MEETING_SERVICE_URI", meeting.baseUrl(),
                // Not started: nothing here uses files, and a closed loopback port sends nothing elsewhere.
                "MEDIA_SERVICE_URI", "http://127.0.0.1:" + FreePorts.next());
    }

    private ServiceProcess start(Path jar, String name, Map<String, String> environment) {
        ServiceProcess service = ServiceProcess.startJar(name, jar, environment, List.of(), logs);
        started.add(service);
        return service;
    }

    private static Map<String, String> database(MongoBackend mongo, String name) {
        return Map.of("MONGODB_URI", mongo.uri(name), "MONGODB_DATABASE", name);
    }

    @SafeVarargs
    private static Map<String, String> with(Map<String, String>... parts) {
        Map<String, String> environment = new HashMap<>();
        for (Map<String, String> part : parts) {
            environment.putAll(part);
        }
        return environment;
    }

    /**
     * Ready (its readiness probe) says nothing of its consumer: a command published before the group is assigned
     * would be skipped, as the simulator starts at the latest offset on purpose.
     */
    private void awaitSimulatorListening() {
        Properties client = new Properties();
        client.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (Admin admin = Admin.create(client)) {
            await("the edge simulator's commands consumer is assigned").atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> {
                        ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(SIMULATOR_GROUP))
                                .all().get(10, TimeUnit.SECONDS).get(SIMULATOR_GROUP);
                        return group.members().stream().anyMatch(member -> member.assignment().topicPartitions()
                                .stream().anyMatch(partition -> partition.topic().equals(TELEPHONY_COMMANDS)));
                    });
        }
    }

    private static String randomSecret(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
