package org.conference.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.conference.common.events.TelephonyCommand;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Ended calls and their recordings stay readable for the retention, then are forgotten; live calls stay. */
@TestPropertySource(properties = {
        "conference.simulator.ended-retention=5s",
        // An application of its own: its own consumer group, so that both applications see every command.
        "spring.kafka.consumer.group-id=edge-simulator-retention-test"})
class RetentionTest extends SimulatorIntegrationTest {

    @Test
    void anEndedCallAndItsRecordingAreForgottenAfterTheRetentionWhileALiveCallStays() {
        String live = placeCall("15162065318").get("id").asString();
        String ended = placeCall("15162065318").get("id").asString();
        String name = "rec-retention-" + ended;
        awaitReceived(ended, topics.command(ended, TelephonyCommand.RECORD_START, name).id());

        http.delete().uri("/calls/{id}", ended).exchange().expectStatus().isNoContent();
        assertThat(call(ended).get("state").asString()).isEqualTo("ended");
        await().atMost(PATIENCE).until(() -> http.get().uri("/recordings/{name}", name).exchange()
                .returnResult(byte[].class).getStatus().is2xxSuccessful());

        await().atMost(PATIENCE).untilAsserted(() -> {
            http.get().uri("/calls/{id}", ended).exchange().expectStatus().isNotFound();
            http.get().uri("/recordings/{name}", name).exchange().expectStatus().isNotFound();
        });
        assertThat(call(live).get("state").asString()).isEqualTo("answered");
        http.get().uri("/calls?state=ended").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.id == '" + ended + "')]").doesNotExist();
    }
}
