package org.conference.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.conference.common.events.TelephonyEvent;
import org.conference.common.events.Topics;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/** The benchmark's load: a thousand callers dialling at once are all answered and all offered to the platform. */
class ThousandCallsTest extends SimulatorIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(ThousandCallsTest.class);
    private static final int CALLERS = 1000;

    @Test
    void aThousandCallsPlacedConcurrentlyAreAllOfferedOnTheEventsTopic() {
        ConnectionProvider connections = ConnectionProvider.builder("thousand-callers").maxConnections(CALLERS)
                .pendingAcquireMaxCount(CALLERS).pendingAcquireTimeout(Duration.ofSeconds(60)).build();
        WebClient phone = WebClient.builder().baseUrl("http://localhost:" + port + "/simulator/v1")
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create(connections))).build();
        try (var events = topics.read(Topics.TELEPHONY_EVENTS)) {
            long started = System.nanoTime();
            List<String> ids = Flux.range(0, CALLERS)
                    .flatMap(caller -> phone.post().uri("/calls")
                            .bodyValue(Map.of("from", "+1516" + (3_000_000 + caller), "to", "15162065318"))
                            .retrieve().bodyToMono(Map.class)
                            .map(call -> (String) call.get("id")), CALLERS)
                    .collectList()
                    .block(Duration.ofMinutes(3));
            long answeredMillis = (System.nanoTime() - started) / 1_000_000;

            assertThat(ids).hasSize(CALLERS).doesNotHaveDuplicates();
            Set<String> expected = Set.copyOf(ids);
            Set<String> offered = new HashSet<>();
            await().atMost(PATIENCE).until(() -> {
                events.records(record -> expected.contains(record.key())).forEach(record -> {
                    var event = topics.json().readTree(record.value());
                    if (TelephonyEvent.CALL_OFFERED.equals(event.get("type").asString())) {
                        offered.add(record.key());
                    }
                });
                return offered.size() == CALLERS;
            });
            log.info("{} concurrent calls answered (all offers acknowledged by Kafka) in {} ms", CALLERS,
                    answeredMillis);
        } finally {
            connections.disposeLater().block(Duration.ofSeconds(30));
        }
    }
}
