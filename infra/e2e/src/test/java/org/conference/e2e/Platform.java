package org.conference.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.kafka.common.TopicPartition;
import org.conference.testsupport.BackingServices;
import org.conference.testsupport.KafkaBackend;
import org.conference.testsupport.MongoBackend;
import org.conference.testsupport.processes.ChildProcess;
import org.conference.testsupport.processes.FreePorts;
import org.conference.testsupport.processes.ServiceProcess;

/**
 * The whole platform as the local stack runs it with {@code --scale meeting-service=2 --scale callback-service=2},
 * each part its own OS process from its built jar: provisioning-service, meeting-service ×2, media-service,
 * callback-service ×2, the gateway (given every instance's URL), the edge simulator and the SIP edge (which softphones
 * dial), configured by environment (infra/local-stack's topology), on loopback ports planned before anything starts
 * (so the gateway and media-service can be told them, and a killed instance comes back where the gateway expects
 * it), against test-support's Kafka broker and MongoDB, each service with a database of its own that its instances
 * share.
 * One set of settings serves every end-to-end class ({@link SharedPlatform} starts it once per test JVM). JVMs
 * start two at a time (starting one is CPU-bound). Closing it kills every process it started.
 */
final class Platform implements AutoCloseable {

    static final String ADMIN_LOGIN = "e2e-admin";
    static final String PROVISIONING = "provisioning-service";
    static final String MEETING = "meeting-service";
    static final String MEDIA = "media-service";
    static final String CALLBACK = "callback-service";
    static final String GATEWAY = "gateway-service";
    static final String SIMULATOR = "edge-simulator";
    static final String SIP_EDGE = "sip-edge";
    /** The {@code bridgeName} of every call at the SIP edge (the simulator's differs). */
    static final String SIP_EDGE_BRIDGE = "E2E-SIP-BRIDGE";

    /** The simulator's commands consumer: it starts at the latest offset, so it must be assigned before calls. */
    private static final String SIMULATOR_GROUP = "edge-simulator";
    /** The SIP edge's commands consumer: its own group, at the latest offset too. */
    private static final String SIP_EDGE_GROUP = "sip-edge";
    /** RTP ports of the SIP edge: 10 even ones, as many calls as {@code max-calls} lets in. */
    private static final int RTP_PORTS = 20;
    private static final String TELEPHONY_COMMANDS = "conference.telephony.commands";
    /**
     * A killed instance's partitions go to the other one after the session timeout; Kafka's default of 45 s would
     * hold a meeting's joins that long. The services' own crash tests use the same settings.
     */
    private static final List<String> QUICK_FAILOVER = List.of(
            "--spring.kafka.consumer.properties[session.timeout.ms]=10000",
            "--spring.kafka.consumer.properties[heartbeat.interval.ms]=1000");

    /** One process to run: an instance of a service, its jar, its ports and its environment. */
    private record Planned(String service, String instance, Path jar, int port, int managementPort,
            Map<String, String> environment, List<String> arguments) {

        String baseUrl() {
            return "http://127.0.0.1:" + port;
        }
    }

    private final String adminPassword = randomSecret(18);
    private final KafkaBackend kafka = BackingServices.kafka();
    private final Path logs;
    /** Service name → its instances, in start order; filled as each becomes ready. */
    private final Map<String, List<ServiceProcess>> instances = new ConcurrentHashMap<>();
    /** Every process ever started, restarts included, so a failure shows the log of a killed one too. */
    private final List<ChildProcess> processes = new CopyOnWriteArrayList<>();
    private final List<ServiceProcess> services = new CopyOnWriteArrayList<>();
    /** The SIP edge's SIP port (UDP and TCP), planned with the rest. */
    private int sipPort;

    private Platform(Path logs) {
        this.logs = logs;
    }

    /** Starts everything and returns once every process is ready and both edges listen for commands. */
    static Platform start(BuiltJars jars, Path logs) {
        Platform platform = new Platform(logs);
        try {
            platform.launch(platform.plan(jars));
            platform.awaitEdgesListening();
            return platform;
        } catch (RuntimeException | Error e) {
            platform.close();
            throw e;
        }
    }

    /** The public API, {@code http://127.0.0.1:<port>/conference/v1}, as the root administrator. */
    JsonHttp publicApi() {
        return new JsonHttp(gatewayUrl() + "/conference/v1", adminAuthorization());
    }

    /** The gateway's root, {@code http://127.0.0.1:<port>}, for paths outside {@code /conference/v1}. */
    String gatewayUrl() {
        return instance(GATEWAY, 0).baseUrl();
    }

    /** The root administrator's {@code Authorization} header value (Basic). */
    String adminAuthorization() {
        String credentials = ADMIN_LOGIN + ":" + adminPassword;
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    /** The simulator's API, {@code http://127.0.0.1:<port>/simulator/v1}; it has no authentication. */
    JsonHttp simulatorApi() {
        return new JsonHttp(instance(SIMULATOR, 0).baseUrl() + "/simulator/v1", null);
    }

    /** Where softphones dial a DID: {@code sip:<did>@127.0.0.1:<port>}, UDP (baresip's default) or TCP. */
    String sipUri(String did) {
        return "sip:" + did + "@127.0.0.1:" + sipPort;
    }

    /** The SIP edge's management base URL ({@code http://127.0.0.1:<port>}): its metrics tell what it applied. */
    String sipEdgeManagementUrl() {
        return instance(SIP_EDGE, 0).managementUrl();
    }

    String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /**
     * Service name → the management base URL ({@code http://127.0.0.1:<port>}, its {@code /actuator/**}) of each
     * instance, in instance order, for every process: the five services, the gateway and both edges. A
     * restarted instance keeps its URL.
     */
    Map<String, List<String>> managementUrls() {
        Map<String, List<String>> urls = new LinkedHashMap<>();
        for (String service : List.of(PROVISIONING, MEETING, MEDIA, CALLBACK, GATEWAY, SIMULATOR, SIP_EDGE)) {
            urls.put(service, instances.getOrDefault(service, List.of()).stream()
                    .map(ServiceProcess::managementUrl).toList());
        }
        return urls;
    }

    /**
     * The index (as in {@link #managementUrls()}) of the {@code service} instance whose consumer of {@code group}
     * holds {@code partition} now, from the group's members (each instance's Kafka clients are named after it).
     */
    int instanceHolding(String service, String group, TopicPartition partition) {
        String clientId = new KafkaGroups(kafka.bootstrapServers()).holder(group, partition);
        for (int index = 1; index <= instances.getOrDefault(service, List.of()).size(); index++) {
            if (clientId.startsWith(service + "-" + index + "-") || clientId.equals(service + "-" + index)) {
                return index - 1;
            }
        }
        throw new AssertionError(partition + " is held by " + clientId + ", no instance of " + service);
    }

    /** kill -9 of instance {@code index} (from 0, as in {@link #managementUrls()}) of {@code service}. */
    void kill(String service, int index) {
        instance(service, index).kill();
    }

    /**
     * Starts instance {@code index} of {@code service} again after {@link #kill}, on the same ports with the same
     * environment; returns once it is ready.
     */
    void restart(String service, int index) {
        ServiceProcess process = instance(service, index);
        process.restartOnSamePorts();
        processes.add(process.process());
    }

    /** The end of every process's log, killed ones included, for a failure report. */
    String logTails(int lines) {
        StringBuilder tails = new StringBuilder();
        for (ChildProcess process : processes) {
            tails.append("==== ").append(process.log()).append(process.isAlive() ? "" : " (not running)")
                    .append('\n').append(process.logTail(lines)).append('\n');
        }
        return tails.toString();
    }

    @Override
    public void close() {
        services.forEach(ServiceProcess::close);
    }

    private ServiceProcess instance(String service, int index) {
        List<ServiceProcess> running = instances.getOrDefault(service, List.of());
        if (index < 0 || index >= running.size()) {
            throw new IllegalArgumentException(service + " has no instance " + index + " (it has " + running.size()
                    + ")");
        }
        return running.get(index);
    }

    /**
     * Every process with its ports and environment, in start order: provisioning- and meeting-service first (they
     * declare the topics the others read), then the second meeting-service and media-service, the two
     * callback-services, the simulator, the SIP edge and the gateway.
     */
    private List<Planned> plan(BuiltJars jars) {
        MongoBackend mongo = BackingServices.mongo();
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> everyService = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "CONFERENCE_INTERNAL_JWT_SECRET", randomSecret(48));
        int simulatorPort = FreePorts.next();
        String simulatorUrl = "http://127.0.0.1:" + simulatorPort;
        int sipEdgePort = FreePorts.next();
        String sipEdgeUrl = "http://127.0.0.1:" + sipEdgePort;
        sipPort = FreePorts.next();

        List<Planned> plan = new ArrayList<>();
        plan.add(planned(jars, PROVISIONING, 1, FreePorts.next(), with(everyService,
                database(mongo, "provisioning-" + run),
                Map.of("CONFERENCE_ADMIN_LOGIN", ADMIN_LOGIN, "CONFERENCE_ADMIN_PASSWORD", adminPassword,
                        // the test's webhook receiver is on loopback
                        "CONFERENCE_CALLBACKS_ALLOW_PRIVATE_TARGETS", "true")), List.of()));
        Map<String, String> meeting = with(everyService, database(mongo, "meeting-" + run), Map.of(
                // deadlines of a few seconds: timers are looked for more often than the default 0.2 s
                "CONFERENCE_TIMERS_POLL_INTERVAL", "PT0.1S",
                // longer than the default 2 s, so digits keyed as separate events are collected on a loaded machine,
                // and short enough that a Q&A moderator's *4 (a prefix during a session) fires soon after it
                "CONFERENCE_MEETINGS_KEYPAD_TIMEOUT", "PT3S"));
        plan.add(planned(jars, MEETING, 1, FreePorts.next(), meeting, QUICK_FAILOVER));
        plan.add(planned(jars, MEETING, 2, FreePorts.next(), meeting, QUICK_FAILOVER));
        plan.add(planned(jars, MEDIA, 1, FreePorts.next(), with(everyService, database(mongo, "media-" + run),
                // recordings are fetched from either edge
                Map.of("CONFERENCE_MEDIA_EDGE_BASE_URLS", simulatorUrl + "," + sipEdgeUrl)), List.of()));
        Map<String, String> callback = with(everyService, database(mongo, "callback-" + run), Map.of(
                "CONFERENCE_CALLBACKS_ALLOW_PRIVATE_TARGETS", "true",
                // seconds instead of minutes: a failed attempt is retried within the scenario's waits
                "CONFERENCE_CALLBACKS_RETRY_SCHEDULE", "1s,2s,3s,5s,8s,13s,21s,30s",
                "CONFERENCE_CALLBACKS_POLL_INTERVAL", "1s",
                // a killed instance's claims are taken over sooner than after the default 30 s
                "CONFERENCE_CALLBACKS_LEASE", "15s",
                "CONFERENCE_CALLBACKS_HELDBACKRECHECK", "5s"));
        plan.add(planned(jars, CALLBACK, 1, FreePorts.next(), callback, QUICK_FAILOVER));
        plan.add(planned(jars, CALLBACK, 2, FreePorts.next(), callback, QUICK_FAILOVER));
        plan.add(planned(jars, SIMULATOR, 1, simulatorPort, with(everyService, Map.of(
                "SIMULATOR_CONSUMER_GROUP", SIMULATOR_GROUP,
                // the base of every recordingLocation, which media-service fetches
                "SIMULATOR_PUBLIC_BASE_URL", simulatorUrl)), List.of()));
        int rtpPortMin = RtpPorts.freeRange(RTP_PORTS);
        plan.add(planned(jars, SIP_EDGE, 1, sipEdgePort, with(everyService, Map.of(
                "SIP_PORT", Integer.toString(sipPort),
                "SIP_HOST", "127.0.0.1",
                "SIP_EDGE_CONSUMER_GROUP", SIP_EDGE_GROUP,
                "SIP_EDGE_PUBLIC_BASE_URL", sipEdgeUrl,
                "SIP_EDGE_BRIDGE_NAME", SIP_EDGE_BRIDGE)), List.of(
                        "--conference.edge.media.rtp-host=127.0.0.1",
                        "--conference.edge.media.rtp-port-min=" + rtpPortMin,
                        "--conference.edge.media.rtp-port-max=" + (rtpPortMin + RTP_PORTS - 1),
                        "--conference.edge.media.max-calls=" + RTP_PORTS / 2,
                        "--conference.edge.media.recordings-directory=" + logs.resolve("sip-edge-recordings"))));
        plan.add(planned(jars, GATEWAY, 1, FreePorts.next(), with(everyService, Map.of(
                "PROVISIONING_SERVICE_URI", urls(plan, PROVISIONING),
                "MEETING_SERVICE_URI", urls(plan, MEETING),
                "MEDIA_SERVICE_URI", urls(plan, MEDIA),
                "CALLBACK_SERVICE_URI", urls(plan, CALLBACK))), List.of()));
        return plan;
    }

    private static Planned planned(BuiltJars jars, String service, int instance, int port,
            Map<String, String> environment, List<String> arguments) {
        Path jar = switch (service) {
            case SIMULATOR -> jars.of("infra/edge-simulator", SIMULATOR);
            // its plain jar is a library (infra/bench); the runnable one carries the classifier exec
            case SIP_EDGE -> jars.of("infra/sip-edge", SIP_EDGE, "exec");
            default -> jars.of(service, service);
        };
        String name = service + "-" + instance;
        // Its Kafka clients carry the instance's name, so a consumer group's members tell which instance is which.
        Map<String, String> named = with(environment, Map.of("SPRING_KAFKA_CLIENT_ID", name));
        return new Planned(service, name, jar, port, FreePorts.next(), named, arguments);
    }

    /** Every instance's URL, comma-separated, as the local stack's {@code ${urls:<process>}} gives the gateway. */
    private static String urls(List<Planned> plan, String service) {
        return String.join(",", plan.stream().filter(planned -> planned.service().equals(service))
                .map(Planned::baseUrl).toList());
    }

    /** At most two JVMs start at a time, in plan order. */
    private void launch(List<Planned> plan) {
        ExecutorService slots = Executors.newFixedThreadPool(2);
        Map<Planned, ServiceProcess> ready = new ConcurrentHashMap<>();
        try {
            List<CompletableFuture<Void>> starts = plan.stream().map(planned -> CompletableFuture.runAsync(() ->
                    ready.put(planned, start(planned)), slots)).toList();
            // Every start has ended, ready or failed, before a failure is thrown: close() then stops what did start.
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).exceptionally(failure -> null).join();
            starts.forEach(CompletableFuture::join);
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        } finally {
            slots.shutdownNow();
            for (Planned planned : plan) {
                ServiceProcess process = ready.get(planned);
                if (process != null) {
                    instances.computeIfAbsent(planned.service(), service -> new CopyOnWriteArrayList<>()).add(process);
                }
            }
        }
    }

    private ServiceProcess start(Planned planned) {
        ServiceProcess service = ServiceProcess.startJar(planned.instance(), planned.jar(), planned.port(),
                planned.managementPort(), planned.environment(), planned.arguments(), logs);
        services.add(service);
        processes.add(service.process());
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
        return Map.copyOf(environment);
    }

    /**
     * Ready (its readiness probe) says nothing of its consumer: a command published before the group is assigned
     * would be skipped, as both edges start at the latest offset on purpose.
     */
    private void awaitEdgesListening() {
        KafkaGroups groups = new KafkaGroups(kafka.bootstrapServers());
        groups.awaitAssigned(SIMULATOR_GROUP, TELEPHONY_COMMANDS, Duration.ofSeconds(90));
        groups.awaitAssigned(SIP_EDGE_GROUP, TELEPHONY_COMMANDS, Duration.ofSeconds(90));
    }

    private static String randomSecret(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
