package org.conference.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.conference.testsupport.WithBackingServices;
import org.conference.testsupport.telephony.TelephonyTopics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.utils.ContainerTestUtils;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;

/**
 * The simulator started against a real Kafka broker, with a phone (HTTP) and the platform's side of the telephony
 * topics. Subclasses with the same configuration share one application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithBackingServices
abstract class SimulatorIntegrationTest {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    @LocalServerPort
    protected int port;

    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    @Value("${spring.kafka.consumer.group-id}")
    private String consumerGroup;

    @Value("${conference.kafka.partitions}")
    private int partitions;

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    protected WebTestClient http;
    protected TelephonyTopics topics;

    @BeforeEach
    void connect() throws Exception {
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/simulator/v1")
                .responseTimeout(Duration.ofSeconds(30)).build();
        topics = new TelephonyTopics(bootstrapServers);
        awaitCommandsListening();
    }

    @AfterEach
    void disconnect() {
        topics.close();
    }

    /**
     * The simulator reads commands from the latest offset on its first start: a command sent before its consumer has
     * settled on a position would be skipped. The container commits that position on assignment, so wait for it.
     */
    private void awaitCommandsListening() throws Exception {
        ContainerTestUtils.waitForAssignment(listeners.getListenerContainer("telephony-commands"), partitions);
        topics.awaitCommandsPosition(consumerGroup, partitions, PATIENCE);
    }

    /** Places a call from a fresh number to {@code to}; answers its view. */
    protected JsonNode placeCall(String to) {
        return placeCall(Map.of("from", "+1516206" + (1000 + (int) (Math.random() * 9000)), "to", to));
    }

    protected JsonNode placeCall(Map<String, Object> request) {
        byte[] body = http.post().uri("/calls").contentType(MediaType.APPLICATION_JSON).bodyValue(request)
                .exchange()
                .expectStatus().isCreated()
                .expectBody().returnResult().getResponseBody();
        return topics.json().readTree(body);
    }

    protected JsonNode call(String id) {
        byte[] body = http.get().uri("/calls/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        return topics.json().readTree(body);
    }

    /** Waits until the call shows the command {@code commandId} among those it received, and answers the call. */
    protected JsonNode awaitReceived(String callId, String commandId) {
        return await().atMost(PATIENCE).until(() -> call(callId), call -> {
            for (JsonNode command : call.get("commands")) {
                if (commandId.equals(command.get("id").asString())) {
                    return true;
                }
            }
            return false;
        });
    }

    protected static void assertErrorBody(JsonNode body, String message) {
        assertThat(body.get("message").asString()).isEqualTo(message);
        assertThat(body.get("errors").isArray()).isTrue();
    }
}
