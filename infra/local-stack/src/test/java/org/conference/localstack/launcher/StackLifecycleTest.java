package org.conference.localstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole life of a stack with the real Kafka broker and MongoDB-wire server and stub services: a first start
 * (storage formatted, a service scaled to two instances, the gateway stand-in given both), a stop by SIGTERM, a
 * second start on the same {@code .local} (storage, data and credentials reused), a SIGKILLed launcher and
 * {@code --stop}. The second test continues the first one's stack, which saves a broker start.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StackLifecycleTest {

    private static final Duration START = Duration.ofSeconds(180);
    private static final Pattern READY = Pattern.compile(
            "Local stack ready in \\d+\\.\\ds \\((\\d+) processes, (\\d+) MB RSS; the launcher itself \\d+ MB\\)");

    private TestStack stack;
    private StackData data;

    @BeforeAll
    void defineTheStack(@TempDir Path directory) {
        stack = new TestStack(directory).withKafka().withMongo()
                .stub("api-service", 1, Map.of())
                .stub("front-door", 2, Map.of("entry-path", "/api", "env.UPSTREAM_URIS", "${urls:api-service}",
                        "env.STUB_ECHO", "UPSTREAM_URIS,KAFKA_BOOTSTRAP_SERVERS,MONGODB_URI,MANAGEMENT_SERVER_ADDRESS"))
                .set("public-api", "front-door").write();
        data = new StackData("127.0.0.1:" + stack.port("kafka.port"), "mongodb://127.0.0.1:" + stack.port("mongo.port"));
    }

    @AfterAll
    void killLeftovers() {
        Leftovers.kill(stack.home());
    }

    @Test
    @Order(1)
    void firstStartRunsEverythingHealthyAndSigtermStopsItAll() throws Exception {
        LauncherRun launcher = stack.start("--no-build", "--scale", "api-service=2");
        launcher.awaitOutput("Press Ctrl-C to stop everything.", START);

        String output = launcher.output();
        assertThat(output).contains("formatting Kafka storage (first start)");
        Matcher ready = READY.matcher(output);
        assertThat(ready.find()).as(output).isTrue();
        assertThat(ready.group(1)).isEqualTo("5");
        assertThat(Integer.parseInt(ready.group(2))).isPositive();
        String password = Files.readString(stack.home().resolve("admin-password"));
        assertThat(password).matches("[A-Za-z0-9]{20}");
        assertThat(Files.getPosixFilePermissions(stack.home().resolve("admin-password")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(output).contains("http://127.0.0.1:" + stack.port("front-door.port") + "/api")
                .contains("login admin  password " + password);

        int secondInstance = secondInstancePort(stack.home().resolve("logs/front-door.log"));
        assertThat(secondInstance).isNotEqualTo(stack.port("api-service.port"));
        assertThat(get("http://127.0.0.1:" + secondInstance + "/")).isEqualTo("stub api-service-2");
        assertThat(stack.home().resolve("logs/front-door.log")).content()
                .contains("STUB KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:" + stack.port("kafka.port"))
                .contains("STUB MONGODB_URI=mongodb://127.0.0.1:" + stack.port("mongo.port"))
                .contains("STUB MANAGEMENT_SERVER_ADDRESS=127.0.0.1");
        assertThat(get("http://127.0.0.1:" + stack.port("api-service.management-port") + "/actuator/health"))
                .contains("\"UP\"");

        LauncherRun status = stack.start("--status");
        assertThat(status.awaitExit(Duration.ofSeconds(60))).isZero();
        assertThat(status.output().lines().filter(line -> line.contains(" UP ")).count()).isEqualTo(3);
        assertThat(status.output().lines().filter(line -> line.contains(" listening ")).count()).isEqualTo(2);
        assertThat(status.output()).contains("api-service-2").contains("total").contains("5 processes");

        data.write("marker-" + ProcessHandle.current().pid());
        List<Integer> ports = stack.allPorts();

        launcher.terminate();

        assertThat(launcher.awaitExit(Duration.ofSeconds(120))).isZero();
        assertThat(launcher.output()).contains("received SIGTERM")
                .contains("services stopped; stopping Kafka and MongoDB").contains("stopped everything in");
        assertThat(launcher.output().indexOf("services stopped"))
                .isGreaterThan(launcher.output().indexOf("received SIGTERM"));
        Leftovers.awaitNone(stack.home());
        Leftovers.awaitFree(ports);
        Leftovers.awaitFree(List.of(secondInstance));
        try (var pidFiles = Files.list(stack.home().resolve("run"))) {
            assertThat(pidFiles.toList()).isEmpty();
        }
    }

    @Test
    @Order(2)
    void restartReusesStorageDataAndCredentialsAndStopCleansUpAfterAKilledLauncher() throws Exception {
        String cluster = Files.readString(stack.home().resolve("kafka/cluster.id")).strip();
        String password = Files.readString(stack.home().resolve("admin-password"));
        LauncherRun launcher = stack.start("--no-build");
        launcher.awaitOutput("Press Ctrl-C to stop everything.", START);

        assertThat(launcher.output()).contains("reusing Kafka data").contains("(cluster " + cluster + ")")
                .doesNotContain("formatting Kafka storage").contains("password " + password);
        assertThat(stack.home().resolve("logs/kafka.log.1")).content().startsWith("# kafka started");
        assertThat(data.read()).contains("marker-" + ProcessHandle.current().pid());
        List<ProcessHandle> children = Leftovers.of(stack.home());
        assertThat(children).hasSize(4);

        launcher.kill();
        launcher.awaitExit(Duration.ofSeconds(30));
        assertThat(children).as("children live on in sessions of their own").allMatch(ProcessHandle::isAlive);

        LauncherRun stop = stack.start("--stop");

        assertThat(stop.awaitExit(Duration.ofSeconds(120))).isZero();
        assertThat(stop.output()).contains("stopping kafka (pid ").contains("stopping api-service (pid ")
                .contains("stopped 4 processes");
        assertThat(children).noneMatch(ProcessHandle::isAlive);
        Leftovers.awaitNone(stack.home());
        Leftovers.awaitFree(stack.allPorts());
        assertThat(stack.start("--status").awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
    }

    private static int secondInstancePort(Path gatewayLog) throws IOException {
        Matcher urls = Pattern.compile("STUB UPSTREAM_URIS=http://127\\.0\\.0\\.1:(\\d+),http://127\\.0\\.0\\.1:(\\d+)\\n")
                .matcher(Files.readString(gatewayLog));
        assertThat(urls.find()).as("the front door got both instances' URLs").isTrue();
        return Integer.parseInt(urls.group(2));
    }

    private static String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        return response.body();
    }
}
