package org.conference.provisioning.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

import org.conference.provisioning.ProvisioningApplication;
import org.conference.testsupport.TestIdentities;
import org.conference.testsupport.blocking.BlockingCalls;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Two instances of provisioning-service on one database, hammered in parallel: unique indexes and atomic counters
 * must let exactly one of the competing creates win, and ids never repeat.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesConcurrencyTest extends ApiTestSupport {

    private static final int PARALLEL = 16;

    @Autowired
    private Environment environment;

    @Value("${local.server.port}")
    private int firstPort;

    private ConfigurableApplicationContext second;
    private List<WebClient> instances;
    private boolean warm;

    @BeforeAll
    void startSecondInstance() {
        // Command-line arguments, so they win over application.yml as the test context's own properties do.
        second = new SpringApplicationBuilder(ProvisioningApplication.class).run(
                "--server.port=0",
                "--management.server.port=0",
                "--spring.mongodb.uri=" + environment.getProperty("spring.mongodb.uri"),
                "--spring.mongodb.database=" + environment.getProperty("spring.mongodb.database"),
                "--spring.kafka.bootstrap-servers=" + environment.getProperty("spring.kafka.bootstrap-servers"),
                "--conference.identity.jwt-secret=" + environment.getProperty("conference.identity.jwt-secret"),
                "--conference.admin.login=" + ROOT_LOGIN,
                "--conference.admin.password=" + ROOT_PASSWORD,
                "--conference.security.bcrypt-strength=4");
        int secondPort = second.getEnvironment().getProperty("local.server.port", Integer.class);
        instances = List.of(WebClient.create("http://localhost:" + firstPort),
                WebClient.create("http://localhost:" + secondPort));
    }

    /**
     * Each instance first serves one create of every kind, one at a time. A race here must show how the database
     * settles competing writes; sixteen first requests at once on a cold JVM would also race its lazy caches (type
     * metadata, validators, codecs), whose short lock waits BlockHound reports as blocking calls, which says nothing
     * about ids or unique indexes. Runs after {@code connect()}, which the superclass declares first.
     */
    @BeforeEach
    void warmBothInstances() {
        if (warm) {
            return;
        }
        Caller admin = subscriber(root, 1);
        for (WebClient instance : instances) {
            Map<String, Object> group = created(List.of(send(instance, admin, "/didGroups",
                    Map.of("callFlowId", 3, "name", "warm-up")))).get(0);
            created(List.of(send(instance, admin, "/dids",
                    Map.of("didGroupId", group.get("id"), "phoneNumber", phoneNumber()))));
            created(List.of(send(instance, admin, "/meetingRooms", Map.of("primaryDidGroupId", group.get("id"),
                    "keychain", List.of(Map.of("role", 1))))));
            created(List.of(send(instance, admin, "/subscribers", Map.of("login",
                    "warm-" + UUID.randomUUID().toString().substring(0, 8), "password", "password-123"))));
        }
        warm = true;
    }

    @AfterAll
    void stopSecondInstance() {
        second.close();
    }

    @Test
    void bothInstancesShareOneRootAdministrator() {
        get(root, "/subscribers?filter=login eq " + ROOT_LOGIN).expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1);
    }

    @Test
    void oneLoginOnce() {
        Caller admin = subscriber(root, 1);
        String login = "race-" + UUID.randomUUID().toString().substring(0, 8);
        assertOneWins(race(admin, "/subscribers", i -> Map.of("login", login, "password", "password-" + i)));
    }

    @Test
    void onePhoneNumberOnce() {
        Caller admin = subscriber(root, 1);
        long group = didGroup(admin);
        String number = phoneNumber();
        assertOneWins(race(admin, "/dids", i -> Map.of("didGroupId", group, "phoneNumber", number)));
    }

    @Test
    void oneAccessCodePerDidGroupOnce() {
        Caller admin = subscriber(root, 1);
        long group = didGroup(admin);
        assertOneWins(race(admin, "/meetingRooms", i -> Map.of("primaryDidGroupId", group,
                "keychain", List.of(Map.of("accessCode", "424242", "role", 1)))));
    }

    @Test
    void oneMeetingNumberOnce() {
        Caller admin = subscriber(root, 1);
        long group = didGroup(admin);
        long number = 100_000_000L + (System.nanoTime() % 800_000_000L);
        assertOneWins(race(admin, "/meetingRooms", i -> Map.of("primaryDidGroupId", group, "meetingNumber", number)));
    }

    @Test
    void countersNeverRepeatAnIdAndRandomMeetingNumbersNeverCollide() {
        Caller admin = subscriber(root, 1);
        long group = didGroup(admin);
        List<Map<String, Object>> groups = created(race(admin, "/didGroups",
                i -> Map.of("callFlowId", 3, "name", "parallel " + i)));
        assertThat(groups).extracting(g -> g.get("id")).doesNotHaveDuplicates().hasSize(PARALLEL);
        List<Map<String, Object>> rooms = created(race(admin, "/meetingRooms", i -> Map.of("primaryDidGroupId", group,
                "keychain", List.of(Map.of("role", 1)))));
        assertThat(rooms).extracting(r -> r.get("meetingNumber")).doesNotHaveDuplicates().hasSize(PARALLEL);
        assertThat(rooms).flatExtracting(r -> (List<?>) r.get("keychain")).extracting(k -> ((Map<?, ?>) k).get("id"))
                .doesNotHaveDuplicates();
    }

    private record Outcome(HttpStatusCode status, Map<String, Object> body) {
    }

    /** {@value #PARALLEL} creates at once, alternating between the two instances. */
    private List<Outcome> race(Caller caller, String path, IntFunction<Map<String, Object>> body) {
        return Flux.range(0, PARALLEL)
                .flatMap(i -> Mono.fromCallable(() -> body.apply(i))
                        .flatMap(request -> sendLater(instances.get(i % 2), caller, path, request)), PARALLEL)
                .collectList()
                .block(Duration.ofSeconds(60));
    }

    private Outcome send(WebClient instance, Caller caller, String path, Map<String, Object> body) {
        return sendLater(instance, caller, path, body).block(Duration.ofSeconds(30));
    }

    private static Mono<Outcome> sendLater(WebClient instance, Caller caller, String path, Map<String, Object> body) {
        return instance.post().uri(BASE + path)
                .header(TestIdentities.HEADER, caller.token())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchangeToMono(response -> response.bodyToMono(
                                new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
                                })
                        .map(b -> new Outcome(response.statusCode(), b)));
    }

    private static void assertOneWins(List<Outcome> outcomes) {
        assertThat(outcomes).as(diagnosis()).filteredOn(o -> o.status().is2xxSuccessful()).hasSize(1);
        assertThat(outcomes).as(diagnosis()).filteredOn(o -> !o.status().is2xxSuccessful())
                .allSatisfy(o -> assertThat(o.status().value()).isEqualTo(409));
    }

    private static List<Map<String, Object>> created(List<Outcome> outcomes) {
        assertThat(outcomes).allSatisfy(o -> assertThat(o.status().is2xxSuccessful()).as("%s %s", o, diagnosis())
                .isTrue());
        return outcomes.stream().map(Outcome::body).toList();
    }

    /**
     * What the server itself logs of a 500 stays in the test's output file; a blocking call that BlockHound turned
     * into one is named in the failure, so a build log alone tells which it was.
     */
    private static String diagnosis() {
        List<String> caught = BlockingCalls.peek().stream().map(call -> call.withCallers(25)).toList();
        return caught.isEmpty() ? "" : "blocking calls caught meanwhile: " + String.join("\n", caught);
    }
}
