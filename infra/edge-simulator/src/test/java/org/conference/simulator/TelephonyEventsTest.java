package org.conference.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.conference.common.events.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;

/** Each thing a caller does is one record on conference.telephony.events, keyed by the edge call id (§4, §6). */
class TelephonyEventsTest extends SimulatorIntegrationTest {

    @Test
    void placingPressingAndHangingUpAreOfferedDtmfAndHungupInThatOrder() {
        try (var events = topics.read(Topics.TELEPHONY_EVENTS)) {
            JsonNode call = placeCall(Map.of("from", "+15162065319", "to", "15162065318", "codec", "PCMA"));
            String id = call.get("id").asString();

            // The 201 comes once the offer is acknowledged: it is on the topic already.
            List<ConsumerRecord<String, byte[]>> offered = await().atMost(PATIENCE)
                    .until(() -> events.recordsFor(id), records -> !records.isEmpty());
            assertThat(offered).hasSize(1);
            JsonNode offer = topics.json().readTree(offered.get(0).value());
            assertThat(offer.get("type").asString()).isEqualTo("call.offered");
            assertThat(offer.get("callId").asString()).isEqualTo(id);
            assertThat(offer.get("id").asString()).isNotBlank();
            assertThat(offer.get("occurredAt").asLong()).isEqualTo(call.get("created").asLong());
            assertThat(offer.get("from").asString()).isEqualTo("+15162065319");
            assertThat(offer.get("to").asString()).isEqualTo("15162065318");
            assertThat(offer.get("addressFrom").asString()).isEqualTo("+15162065319");
            assertThat(offer.get("addressTo").asString()).isEqualTo("\"15162065318\" <sip:15162065318@127.0.0.1>");
            assertThat(offer.get("codec").asString()).isEqualTo("PCMA");
            assertThat(offer.get("nodeName").asString()).isEqualTo("127.0.0.1");
            assertThat(offer.get("bridgeName").asString()).isEqualTo("SIM-BRIDGE-1");
            assertThat(offer.has("digits")).isFalse();

            http.post().uri("/calls/{id}/dtmf", id).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("digits", "111#")).exchange().expectStatus().isAccepted();
            http.delete().uri("/calls/{id}", id).exchange().expectStatus().isNoContent();

            List<JsonNode> all = await().atMost(PATIENCE)
                    .until(() -> events.eventsFor(id), records -> records.size() >= 3);
            assertThat(all).extracting(event -> event.get("type").asString())
                    .containsExactly("call.offered", "call.dtmf", "call.hungup");
            JsonNode dtmf = all.get(1);
            assertThat(dtmf.get("digits").asString()).isEqualTo("111#");
            assertThat(dtmf.get("callId").asString()).isEqualTo(id);
            assertThat(dtmf.has("from")).isFalse();
            JsonNode hungUp = all.get(2);
            assertThat(hungUp.get("callId").asString()).isEqualTo(id);
            assertThat(hungUp.get("occurredAt").asLong()).isEqualTo(call(id).get("ended").asLong());
            assertThat(all).extracting(event -> event.get("id").asString()).doesNotHaveDuplicates();
        }
    }

    @Test
    void refusedActionsPublishNothing() {
        try (var events = topics.read(Topics.TELEPHONY_EVENTS)) {
            String id = placeCall("15162065318").get("id").asString();
            http.post().uri("/calls/{id}/dtmf", id).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("digits", "12x")).exchange().expectStatus().isEqualTo(422);
            http.delete().uri("/calls/{id}", id).exchange().expectStatus().isNoContent();
            http.delete().uri("/calls/{id}", id).exchange().expectStatus().isEqualTo(409);
            http.post().uri("/calls/{id}/dtmf", id).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("digits", "1")).exchange().expectStatus().isEqualTo(409);
            // Every answer waits for its record's acknowledgement: whatever the refusals published is on the topic.
            await().atMost(PATIENCE).until(() -> events.eventsFor(id), records -> records.size() >= 2);
            List<JsonNode> forCall = events.eventsFor(id);
            assertThat(forCall).extracting(event -> event.get("type").asString())
                    .containsExactly("call.offered", "call.hungup");
        }
    }
}
