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
 * with liveness and readiness groups, Prometheus metrics tagged with its application name, and a Kafka producer and
 * consumer configured from its own {@code application.yml}. Extend it with {@code @SpringBootTest(webEnvironment =
 * RANDOM_PORT)}.
 */
@WithBackingServices
public abstract class ServiceWiringContract {

    @Value("${local.server.port}")
    private int port;

    @Value("${spring.application.name}")
    private String applicationName;

    @Autowired
    private KafkaTemplate<String, Object> kafka;

    @Autowired
    private ConsumerFactory<String, Object> consumers;

    protected WebTestClient http;

    @BeforeEach
    void connect() {
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(20)).build();
    }

    @Test
    void reportsHealthWithLivenessAndReadiness() {
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            http.get().uri(path).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("UP");
        }
    }

    @Test
    void exposesPrometheusMetricsTaggedWithItsName() {
        String metrics = http.get().uri("/actuator/prometheus").exchange()
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
