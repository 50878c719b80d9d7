package org.conference.localstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** What each process of the real topology is started with: command line and environment. */
class CommandLinesTest {

    private static final Path REPO = Path.of("/repo");
    private static final Credentials CREDENTIALS = new Credentials("root", "pw", "from a test",
            "a-secret-of-at-least-thirty-two-bytes", false);

    private final Topology topology = TopologyReader.read(TestStack.REAL_TOPOLOGY);
    private final StackPlan plan = new PortPlanner(Map.of(), new AtomicInteger(40000)::incrementAndGet)
            .plan(topology.processes(), Map.of("provisioning-service", 2));

    @Test
    void aServiceRunsItsModulesJarMarkedAsItsInstanceWithTheServiceFlags() {
        CommandLines commands = commands(Map.of());

        List<String> command = commands.command(process("meeting-service"), instance("meeting-service"),
                values("meeting-service"), null);

        assertThat(command).startsWith("/jdk/bin/java", "-Dconference.localstack.process=meeting-service",
                "-Dconference.localstack.home=/repo/.local");
        assertThat(command).contains("-Xmx128m", "-XX:+UseSerialGC")
                .endsWith("-jar", "/repo/meeting-service/target/meeting-service-9.9.jar");
    }

    @Test
    void theJavaOptsVariableReplacesTheDefaultFlags() {
        CommandLines commands = commands(Map.of("LOCAL_STACK_SERVICE_JAVA_OPTS", " -Xmx200m  -Dx=y "));

        List<String> command = commands.command(process("media-service"), instance("media-service"),
                values("media-service"), null);

        assertThat(command).containsSubsequence("-Dconference.localstack.home=/repo/.local", "-Xmx200m", "-Dx=y", "-jar")
                .doesNotContain("-Xmx128m");
    }

    @Test
    void everyServiceGetsItsPortsTheBindAddressKafkaMongoAndTheSecret() {
        Map<String, String> environment = commands(Map.of()).environment(process("provisioning-service"),
                values("provisioning-service-2"));

        Instance second = plan.of("provisioning-service").get(1);
        assertThat(environment).containsEntry("SERVER_PORT", String.valueOf(second.port(PortRole.MAIN)))
                .containsEntry("MANAGEMENT_PORT", String.valueOf(second.port(PortRole.MANAGEMENT)))
                .containsEntry("SERVER_ADDRESS", "127.0.0.1").containsEntry("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")
                .containsEntry("MONGODB_URI", "mongodb://127.0.0.1:27017")
                .containsEntry("CONFERENCE_INTERNAL_JWT_SECRET", "a-secret-of-at-least-thirty-two-bytes")
                .containsEntry("CONFERENCE_ADMIN_LOGIN", "root").containsEntry("CONFERENCE_ADMIN_PASSWORD", "pw");
    }

    @Test
    void theGatewayGetsEveryInstanceOfTheServicesItRoutesTo() {
        Map<String, String> environment = commands(Map.of()).environment(process("gateway-service"),
                values("gateway-service"));

        int second = plan.of("provisioning-service").get(1).port(PortRole.MAIN);
        assertThat(environment)
                .containsEntry("PROVISIONING_SERVICE_URI", "http://127.0.0.1:8081,http://127.0.0.1:" + second)
                .containsEntry("MEETING_SERVICE_URI", "http://127.0.0.1:8082")
                .containsEntry("MEDIA_SERVICE_URI", "http://127.0.0.1:8083")
                .containsEntry("SERVER_PORT", "8080").containsEntry("MANAGEMENT_PORT", "9080")
                .doesNotContainKey("CONFERENCE_ADMIN_PASSWORD");
    }

    @Test
    void mediaServiceFetchesRecordingsFromTheEdgesThisStartRunsOnly() {
        StackPlan simulatorOnly = new StackPlan(plan.instances().stream()
                .filter(instance -> !instance.process().equals("sip-edge")).toList());
        StackPlan sipOnly = new StackPlan(plan.instances().stream()
                .filter(instance -> !instance.process().equals("edge-simulator")).toList());

        assertThat(edgeBaseUrls(plan)).isEqualTo("http://127.0.0.1:8095,http://127.0.0.1:8096");
        assertThat(edgeBaseUrls(simulatorOnly)).isEqualTo("http://127.0.0.1:8095");
        assertThat(edgeBaseUrls(sipOnly)).isEqualTo("http://127.0.0.1:8096");
    }

    @Test
    void theSipEdgeRunsItsExecJarWithItsRecordingBaseAndSipAddress() {
        List<String> command = commands(Map.of()).command(process("sip-edge"), instance("sip-edge"),
                values("sip-edge"), null);
        Map<String, String> environment = commands(Map.of()).environment(process("sip-edge"), values("sip-edge"));

        assertThat(command).endsWith("-jar", "/repo/infra/sip-edge/target/sip-edge-9.9-exec.jar");
        assertThat(environment).containsEntry("SIP_EDGE_PUBLIC_BASE_URL", "http://127.0.0.1:8096")
                .containsEntry("SIP_HOST", "127.0.0.1").containsEntry("SERVER_PORT", "8096");
    }

    private String edgeBaseUrls(StackPlan started) {
        Instance media = started.instances().stream().filter(i -> i.name().equals("media-service")).findFirst()
                .orElseThrow();
        return commands(Map.of()).environment(process("media-service"),
                new StackValues("127.0.0.1", "127.0.0.1", "/repo/.local", "9.9", CREDENTIALS, started).of(media))
                .get("CONFERENCE_MEDIA_EDGE_BASE_URLS");
    }

    @Test
    void mongoRunsTheWireServerOnItsClassPathWithItsAddressPortAndDataDirectory() {
        ProcessDefinition mongo = process("mongo");
        // This module's build wrote the class path file: the real repository has it.
        CommandLines commands = commands(TestStack.REPO, Map.of());

        List<String> command = commands.command(mongo, instance("mongo"), values("mongo"), null);

        String classpath = command.get(command.indexOf("-cp") + 1);
        assertThat(classpath).startsWith(TestStack.REPO.resolve("infra/local-stack/target/classes") + ":")
                .contains("/mongo-java-server-h2-backend-");
        assertThat(command).endsWith("org.conference.localstack.mongo.WireMongoServer", "127.0.0.1", "27017",
                "/repo/.local/mongo");
        assertThat(commands.artifacts(mongo)).containsExactly(
                TestStack.REPO.resolve("infra/local-stack/target/mongo-server.classpath"),
                TestStack.REPO.resolve("infra/local-stack/target/classes"));
    }

    private CommandLines commands(Map<String, String> environment) {
        return commands(REPO, environment);
    }

    private CommandLines commands(Path repo, Map<String, String> environment) {
        LauncherSettings settings = new LauncherSettings(repo, REPO.resolve(".local"), Path.of("topology"),
                "127.0.0.1", "127.0.0.1", Duration.ofSeconds(1), Duration.ofSeconds(1),
                Path.of("/jdk/bin/java"), environment);
        return new CommandLines(settings, "9.9");
    }

    private Placeholders.Values values(String instance) {
        return new StackValues("127.0.0.1", "127.0.0.1", "/repo/.local", "9.9", CREDENTIALS, plan)
                .of(plan.instances().stream().filter(i -> i.name().equals(instance)).findFirst().orElseThrow());
    }

    private Instance instance(String name) {
        return plan.instances().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    private ProcessDefinition process(String name) {
        return topology.process(name).orElseThrow();
    }
}
