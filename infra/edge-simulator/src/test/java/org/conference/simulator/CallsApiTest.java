package org.conference.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;

import tools.jackson.databind.JsonNode;

/** The HTTP contract of ARCHITECTURE.md §6a, with the reference's error body for every refusal. No identity needed. */
class CallsApiTest extends SimulatorIntegrationTest {

    @Test
    void placingACallAnswersTheWholeAnsweredCallWithSimulatedPhoneSideDefaults() {
        JsonNode call = placeCall(Map.of("from", "+15162065319", "to", "15162065318"));

        assertThat(call.get("id").asString()).isNotBlank();
        assertThat(call.get("from").asString()).isEqualTo("+15162065319");
        assertThat(call.get("to").asString()).isEqualTo("15162065318");
        assertThat(call.get("state").asString()).isEqualTo("answered");
        assertThat(call.get("addressFrom").asString()).isEqualTo("+15162065319");
        assertThat(call.get("addressTo").asString()).isEqualTo("\"15162065318\" <sip:15162065318@127.0.0.1>");
        assertThat(call.get("codec").asString()).isEqualTo("PCMU");
        assertThat(call.get("nodeName").asString()).isEqualTo("127.0.0.1");
        assertThat(call.get("bridgeName").asString()).isEqualTo("SIM-BRIDGE-1");
        assertThat(call.get("meetingNumber").isNull()).isTrue();
        assertThat(call.get("endedBy").isNull()).isTrue();
        assertThat(call.get("muted").asBoolean()).isFalse();
        assertThat(call.get("held").asBoolean()).isFalse();
        assertThat(call.get("recording").asBoolean()).isFalse();
        assertThat(call.get("commands").isEmpty()).isTrue();
        assertThat(call(call.get("id").asString())).isEqualTo(call);
    }

    @Test
    void aPlacedCallKeepsThePhoneSideFieldsItWasGivenAndSaysWhereItLives() {
        var placed = http.post().uri("/calls").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("from", "+15162065319", "to", "15162065318", "addressTo",
                        "\"15162065318\" <sip:15162065318@10.2.114.15>", "codec", "PCMA", "nodeName", "10.2.114.15",
                        "bridgeName", "MIA-FCC4D"))
                .exchange()
                .expectStatus().isCreated()
                .expectBody().returnResult();
        JsonNode call = topics.json().readTree(placed.getResponseBody());

        assertThat(placed.getResponseHeaders().getLocation())
                .hasToString("/simulator/v1/calls/" + call.get("id").asString());
        assertThat(call.get("addressTo").asString()).isEqualTo("\"15162065318\" <sip:15162065318@10.2.114.15>");
        assertThat(call.get("codec").asString()).isEqualTo("PCMA");
        assertThat(call.get("nodeName").asString()).isEqualTo("10.2.114.15");
        assertThat(call.get("bridgeName").asString()).isEqualTo("MIA-FCC4D");
    }

    @Test
    void aCallWithoutCallerOrWithABadNumberIsRefusedWith422AndNotPlaced() {
        int before = http.get().uri("/calls").exchange().expectBody(List.class).returnResult().getResponseBody().size();

        http.post().uri("/calls").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("to", "15162065318x", "codec", "PC MU"))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.message").isEqualTo("object validation error")
                .jsonPath("$.errors[?(@.field == 'from')].message").isEqualTo("field is required")
                .jsonPath("$.errors[?(@.field == 'to')]").exists()
                .jsonPath("$.errors[?(@.field == 'codec')]").exists()
                .jsonPath("$.errors.length()").isEqualTo(3);

        int after = http.get().uri("/calls").exchange().expectBody(List.class).returnResult().getResponseBody().size();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void malformedJsonIs400WithTheReferenceBody() {
        http.post().uri("/calls").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"from\": ")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().json("{\"message\": \"cannot parse json. Check json for validity\", \"errors\": null}",
                        JsonCompareMode.STRICT);
        String id = placeCall("15162065318").get("id").asString();
        http.post().uri("/calls/{id}/dtmf", id).contentType(MediaType.APPLICATION_JSON).bodyValue("{digits: 1}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.message").isEqualTo("cannot parse json. Check json for validity");
    }

    @Test
    void keysArePressedOnALiveCallOnly() {
        String id = placeCall("15162065318").get("id").asString();

        http.post().uri("/calls/{id}/dtmf", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("digits", "123*#")).exchange()
                .expectStatus().isAccepted()
                .expectBody().isEmpty();

        for (String bad : List.of("", "12a", "1 2", "1".repeat(65))) {
            JsonNode refusal = topics.json().readTree(http.post().uri("/calls/{id}/dtmf", id)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("digits", bad)).exchange()
                    .expectStatus().isEqualTo(422)
                    .expectBody().returnResult().getResponseBody());
            assertErrorBody(refusal, "object validation error");
            assertThat(refusal.get("errors").get(0).get("field").asString()).isEqualTo("digits");
        }
        http.post().uri("/calls/{id}/dtmf", id).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of())
                .exchange()
                .expectStatus().isEqualTo(422);
        http.post().uri("/calls/{id}/dtmf", "no-such-call").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("digits", "1")).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.message").isEqualTo("no item error");

        http.delete().uri("/calls/{id}", id).exchange().expectStatus().isNoContent();
        http.post().uri("/calls/{id}/dtmf", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("digits", "1")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.message").isEqualTo("conflict")
                .jsonPath("$.errors[0].reference_sid").isEqualTo(id);
    }

    @Test
    void theCallerHangsUpOnceAndTheCallStaysReadableAsEndedByTheCaller() {
        String id = placeCall("15162065318").get("id").asString();

        http.delete().uri("/calls/{id}", id).exchange().expectStatus().isNoContent().expectBody().isEmpty();

        JsonNode ended = call(id);
        assertThat(ended.get("state").asString()).isEqualTo("ended");
        assertThat(ended.get("endedBy").asString()).isEqualTo("caller");
        assertThat(ended.get("ended").asLong()).isGreaterThanOrEqualTo(ended.get("created").asLong());
        http.delete().uri("/calls/{id}", id).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("the call has ended");
        http.delete().uri("/calls/{id}", "no-such-call").exchange().expectStatus().isNotFound();
    }

    @Test
    void anUnknownCallIs404InTheReferenceFormat() {
        http.get().uri("/calls/{id}", "no-such-call").exchange()
                .expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.message").isEqualTo("no item error")
                .jsonPath("$.errors[0].message").isEqualTo("cannot find call");
        http.get().uri("/recordings/{name}", "no-such-recording").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("cannot find recording");
    }

    @Test
    void allCallsAreListedOldestFirstAndCanBeFilteredByState() {
        String live = placeCall("15162065318").get("id").asString();
        String ended = placeCall("15162065318").get("id").asString();
        http.delete().uri("/calls/{id}", ended).exchange().expectStatus().isNoContent();

        List<String> all = ids(http.get().uri("/calls").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody());
        assertThat(all).containsSubsequence(live, ended);

        List<String> endedOnes = ids(http.get().uri("/calls?state=ended").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody());
        assertThat(endedOnes).contains(ended).doesNotContain(live);
        List<String> answered = ids(http.get().uri("/calls?state=answered").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody());
        assertThat(answered).contains(live).doesNotContain(ended);

        http.get().uri("/calls?state=talking").exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("state");
    }

    private List<String> ids(byte[] body) {
        return StreamSupport.stream(topics.json().readTree(body).spliterator(), false)
                .map(call -> call.get("id").asString()).toList();
    }
}
