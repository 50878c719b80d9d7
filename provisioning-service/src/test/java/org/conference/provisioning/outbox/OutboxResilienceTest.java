package org.conference.provisioning.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.conference.common.events.Topics;
import org.conference.provisioning.ProvisioningApplication;
import org.conference.testsupport.BackingServices;
import org.conference.testsupport.BackingServicesInitializer;
import org.conference.testsupport.TestIdentities;
import org.conference.testsupport.processes.KafkaBrokerProcess;
import org.conference.testsupport.processes.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.util.FileSystemUtils;

import tools.jackson.databind.json.JsonMapper;

/**
 * A change the API reported must reach its topic whatever the broker and the service went through meanwhile
 * (ARCHITECTURE.md §4), and a broker in trouble must not hold up the API: provisioning-service and a real Kafka broker
 * run as their own processes, the broker is frozen (SIGSTOP) or stopped, 50 writes each answer promptly, and once the
 * broker is back every state is on the topic exactly as the API answered it, also when the service was killed with
 * SIGKILL in between and a new instance had to publish what the dead one had accepted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxResilienceTest {

    /** Far below the 60 s a write hung when the relay blocked the Mongo event loop; generous for a loaded machine. */
    private static final Duration PROMPT = Duration.ofSeconds(2);
    private static final Duration ARRIVAL = Duration.ofSeconds(120);
    private static final int CONCURRENT = 5;
    private static final String ADMIN_LOGIN = "admin";
    private static final String ADMIN_PASSWORD = "admin-password-1";

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Path workDirectory;
    private KafkaBrokerProcess broker;
    private ServiceProcess provisioning;
    /** Minted anew for each request: identity tokens live a minute, this class runs longer. */
    private Supplier<String> adminToken;

    @BeforeAll
    void startBrokerAndService() throws IOException {
        workDirectory = Files.createTempDirectory("outbox-resilience");
        broker = KafkaBrokerProcess.start(workDirectory.resolve("kafka"));
        String database = "outbox_resilience_" + UUID.randomUUID().toString().substring(0, 8);
        provisioning = ServiceProcess.start("provisioning-service", ProvisioningApplication.class.getName(), Map.of(
                        "MONGODB_URI", BackingServices.mongo().uri(database),
                        "MONGODB_DATABASE", database,
                        "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                        "CONFERENCE_INTERNAL_JWT_SECRET", BackingServicesInitializer.TEST_JWT_SECRET,
                        "CONFERENCE_ADMIN_LOGIN", ADMIN_LOGIN,
                        "CONFERENCE_ADMIN_PASSWORD", ADMIN_PASSWORD),
                List.of("--conference.security.bcrypt-strength=4"), workDirectory);
        adminToken = rootAdministratorToken();
    }

    /** A test that failed half-way leaves the next one a running broker and service all the same. */
    @AfterEach
    void bringBothBack() {
        if (!broker.process().isAlive()) {
            broker.restart();
        }
        if (!provisioning.process().isAlive()) {
            provisioning.restart();
        }
    }

    @AfterAll
    void stopEverything() {
        if (provisioning != null) {
            provisioning.close();
        }
        if (broker != null) {
            broker.close();
        }
        FileSystemUtils.deleteRecursively(workDirectory.toFile());
    }

    @Test
    void writesAnswerPromptlyWhileTheBrokerIsFrozenAndAllArriveOnceItResumes() {
        broker.freeze();
        Map<Long, Map<String, Object>> expected;
        try {
            expected = fiftyPromptWrites("frozen");
        } finally {
            broker.resume();
        }
        awaitOnTopic(expected);
    }

    @Test
    void writesAcceptedWhileTheBrokerIsDownArePublishedByTheNextInstanceAfterAKill9() {
        broker.stop();
        Map<Long, Map<String, Object>> expected = fiftyPromptWrites("down");
        provisioning.kill();
        broker.restart();
        provisioning.restart();
        awaitOnTopic(expected);
    }

    /**
     * 30 DID groups created, 12 of them renamed, 8 others deleted: 50 writes, each answered within {@link #PROMPT}
     * with its usual status. Returns what the topic must end with per group: the API's last answer with its version,
     * or {@code null} for a tombstone.
     */
    private Map<Long, Map<String, Object>> fiftyPromptWrites(String label) {
        Map<Long, Map<String, Object>> expected = new LinkedHashMap<>();
        List<Long> ids = new ArrayList<>();
        List<Write> creates = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            creates.add(new Write("POST", "/didGroups", Map.of("callFlowId", 3, "name", label + " group " + i), 200));
        }
        for (Map<String, Object> created : promptly(creates)) {
            long id = ((Number) created.get("id")).longValue();
            ids.add(id);
            expected.put(id, withVersion(created, 1));
        }
        List<Write> renames = ids.subList(0, 12).stream()
                .map(id -> new Write("PUT", "/didGroups/" + id, Map.of("name", label + " renamed " + id), 200))
                .toList();
        for (Map<String, Object> renamed : promptly(renames)) {
            long id = ((Number) renamed.get("id")).longValue();
            assertThat(renamed.get("name")).isEqualTo(label + " renamed " + id);
            expected.put(id, withVersion(renamed, 2));
        }
        promptly(ids.subList(12, 20).stream().map(id -> new Write("DELETE", "/didGroups/" + id, null, 204)).toList());
        ids.subList(12, 20).forEach(id -> expected.put(id, null));
        return expected;
    }

    private record Write(String method, String path, Object body, int status) {
    }

    /**
     * Sends the writes {@value #CONCURRENT} at a time, as concurrent clients would (so the service's Mongo connections
     * on every event loop thread are in use), and checks each one's time and status; returns the answers in order.
     */
    private List<Map<String, Object>> promptly(List<Write> writes) {
        List<Map<String, Object>> answers = new ArrayList<>();
        for (int first = 0; first < writes.size(); first += CONCURRENT) {
            List<CompletableFuture<Map<String, Object>>> wave = writes
                    .subList(first, Math.min(writes.size(), first + CONCURRENT)).stream()
                    .map(this::sendTimed).toList();
            wave.forEach(answer -> answers.add(joined(answer)));
        }
        return answers;
    }

    private static <T> T joined(CompletableFuture<T> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof AssertionError failed) {
                throw failed;
            }
            throw e;
        }
    }

    private CompletableFuture<Map<String, Object>> sendTimed(Write write) {
        HttpRequest.BodyPublisher content = write.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(write.body()));
        HttpRequest request = HttpRequest.newBuilder(URI.create(provisioning.baseUrl() + "/conference/v1"
                        + write.path()))
                .timeout(Duration.ofSeconds(90))
                .header(TestIdentities.HEADER, adminToken.get())
                .header("Content-Type", "application/json")
                .method(write.method(), content)
                .build();
        long started = System.nanoTime();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            String what = write.method() + " " + write.path();
            assertThat(took).as("%s took %s", what, took).isLessThan(PROMPT);
            assertThat(response.statusCode()).as("%s answered %s", what, response.body()).isEqualTo(write.status());
            return response.body().isEmpty() ? Map.<String, Object>of() : readMap(response.body());
        });
    }

    /** The fields of the API's answer that the state record carries too, and the version it must have. */
    private static Map<String, Object> withVersion(Map<String, Object> answer, int version) {
        Map<String, Object> state = new HashMap<>();
        for (String field : List.of("id", "name", "description", "callFlowId", "subscriberSid", "state")) {
            state.put(field, answer.get(field));
        }
        state.put("attributes", answer.get("attributes"));
        state.put("version", version);
        return state;
    }

    private void awaitOnTopic(Map<Long, Map<String, Object>> expected) {
        Awaitility.await("all " + expected.size() + " DID groups on " + Topics.DID_GROUPS).atMost(ARRIVAL)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    Map<String, String> onTopic = latestPerKey(Topics.DID_GROUPS);
                    expected.forEach((id, state) -> {
                        String key = Long.toString(id);
                        assertThat(onTopic).as("group %s on the topic", id).containsKey(key);
                        if (state == null) {
                            assertThat(onTopic.get(key)).as("tombstone of deleted group %s", id).isNull();
                        } else {
                            assertThat(onTopic.get(key)).as("latest state of group %s", id).isNotNull();
                            Map<String, Object> published = readMap(onTopic.get(key));
                            assertThat(published).as("group %s", id).containsAllEntriesOf(state);
                        }
                    });
                });
    }

    /** Reads the whole topic, as a consumer rebuilding its state from it alone would: the last value per key. */
    private Map<String, String> latestPerKey(String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "resilience-reader-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, String> latest = new HashMap<>();
        try (var consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            int emptyPolls = 0;
            while (emptyPolls < 3) {
                var records = consumer.poll(Duration.ofMillis(500));
                emptyPolls = records.isEmpty() ? emptyPolls + 1 : 0;
                for (ConsumerRecord<String, String> record : records) {
                    latest.put(record.key(), record.value());
                }
            }
        }
        return latest;
    }

    private Supplier<String> rootAdministratorToken() {
        HttpRequest authenticate = HttpRequest.newBuilder(
                        URI.create(provisioning.baseUrl() + "/internal/v1/authenticate"))
                .timeout(Duration.ofSeconds(30))
                .header(TestIdentities.HEADER, TestIdentities.service("gateway-service"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
                        Map.of("login", ADMIN_LOGIN, "password", ADMIN_PASSWORD))))
                .build();
        HttpResponse<String> response = send(authenticate);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, Object> who = readMap(response.body());
        @SuppressWarnings("unchecked")
        List<String> lineage = (List<String>) who.get("lineage");
        return () -> TestIdentities.subscriber((String) who.get("sid"), ((Number) who.get("role")).intValue(),
                lineage);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> readMap(String body) {
        return json.readValue(body, LinkedHashMap.class);
    }
}
