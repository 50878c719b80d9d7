package org.conference.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.conference.testsupport.blocking.BlockingCalls;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * What every service of the platform must show once started against a real Kafka broker (ARCHITECTURE.md §1): health
 * with liveness and readiness groups and Prometheus metrics tagged with its application name, on a management port of
 * its own and never on the API port; the reference's error body also for what Reactor Netty refuses itself; and a
 * Kafka producer and consumer configured from its own {@code application.yml}. Extend it with
 * {@code @SpringBootTest(webEnvironment = RANDOM_PORT)}, which puts the management port on a random port too.
 */
@WithBackingServices
public abstract class ServiceWiringContract {

    @LocalServerPort
    private int port;

    @LocalManagementPort
    private int managementPort;

    @Value("${spring.application.name}")
    private String applicationName;

    @Autowired
    private KafkaTemplate<String, Object> kafka;

    @Autowired
    private ConsumerFactory<String, Object> consumers;

    /** The API port. */
    protected WebTestClient http;
    /** The management port: actuator only. */
    protected WebTestClient management;

    @BeforeEach
    void connect() {
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(20)).build();
        // a scrape with request latency buckets outgrows the default 256 KiB buffer
        management = WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(8 * 1024 * 1024))
                .responseTimeout(Duration.ofSeconds(20)).build();
    }

    @Test
    void reportsHealthWithLivenessAndReadinessOnTheManagementPort() {
        assertThat(managementPort).isPositive().isNotEqualTo(port);
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            management.get().uri(path).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("UP");
        }
    }

    @Test
    void exposesPrometheusMetricsTaggedWithItsNameOnTheManagementPort() {
        String metrics = management.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).contains("jvm_memory_used_bytes").contains("application=\"" + applicationName + "\"");
    }

    /** BlockHound is installed in this module's tests, so a blocking call on an event loop would fail them. */
    @Test
    void runsItsTestsUnderBlockHound() {
        StepVerifier.create(Mono.fromCallable(() -> {
                    Thread.sleep(1);
                    return applicationName;
                }).subscribeOn(Schedulers.parallel()))
                .expectError(BlockingOperationError.class)
                .verify(Duration.ofSeconds(10));
        assertThat(BlockingCalls.takeAll()).singleElement()
                .satisfies(call -> assertThat(call.method()).contains("java.lang.Thread.sleep"));
    }

    @Test
    void servesNoActuatorEndpointOnTheApiPort() {
        for (String path : List.of("/actuator/health", "/actuator/prometheus", "/actuator", "/actuator/env")) {
            ApiErrorBody body = ApiErrorBody.of(RawHttp.exchange(port, RawHttp.get(path)), 404);
            assertThat(body.message()).as(path).isEqualTo("no item error");
        }
    }

    @Test
    void answersARequestLineOverTheLimitWith414InTheApiFormat() {
        ApiErrorBody body = ApiErrorBody.of(RawHttp.exchange(port, RawHttp.get("/" + "a".repeat(5000))), 414);
        assertThat(body.message()).isEqualTo("request uri too long");
        assertThat(body.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("cause");
            assertThat(error.message()).contains("4096 bytes");
        });
    }

    @Test
    void answersHeadersOverTheLimitWith431InTheApiFormat() {
        ApiErrorBody body = ApiErrorBody.of(RawHttp.exchange(port,
                RawHttp.get("/conference/v1/meetings", "X-Padding: " + "p".repeat(9000))), 431);
        assertThat(body.message()).isEqualTo("request header fields too large");
        assertThat(body.errors()).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("8192 bytes"));
    }

    @Test
    void answersAMalformedRequestWith400InTheApiFormat() {
        for (String malformed : List.of(
                RawHttp.get("/conference/v1/meetings", "Bad Header: has a space in its name"),
                "GET /conference/v1/meetings HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: twelve\r\n\r\n")) {
            ApiErrorBody body = ApiErrorBody.of(RawHttp.exchange(port, malformed), 400);
            assertThat(body.message()).isEqualTo("bad request");
            assertThat(body.errors()).singleElement().satisfies(error -> assertThat(error.field()).isEqualTo("cause"));
        }
    }

    @Test
    void publishesAndConsumesAJsonRecordOverTheRealBroker() throws Exception {
        String topic = "wiring." + applicationName + "." + UUID.randomUUID();
        Map<String, Object> sent = Map.of("probe", applicationName, "number", 42);
        kafka.send(topic, "key-1", sent).get();

        Properties fromTheStart = new Properties();
        fromTheStart.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (Consumer<String, Object> consumer = consumers.createConsumer("wiring-" + UUID.randomUUID(), null, null,
                fromTheStart)) {
            consumer.subscribe(List.of(topic));
            ConsumerRecord<String, Object> received = KafkaTestUtils.getSingleRecord(consumer, topic,
                    Duration.ofSeconds(30));
            assertThat(received.key()).isEqualTo("key-1");
            assertThat(received.value()).isEqualTo(sent);
        }
    }
}
