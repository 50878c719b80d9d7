package org.conference.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.conference.common.events.TelephonyCommand;
import org.conference.common.events.Topics;
import org.conference.testsupport.telephony.TelephonyTopics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/** Commands from the platform (conference.telephony.commands) show on the call they name (§6). */
class CommandsTest extends SimulatorIntegrationTest {

    @Autowired
    private MeterRegistry meters;

    @Test
    void joinPutsTheCallInTheMeetingAndLeaveTakesItOut() {
        String id = placeCall("15162065318").get("id").asString();

        JsonNode joined = awaitReceived(id, topics.command(id, TelephonyCommand.JOIN, "273751").id());
        assertThat(joined.get("state").asString()).isEqualTo("in-meeting");
        assertThat(joined.get("meetingNumber").asLong()).isEqualTo(273751L);

        JsonNode left = awaitReceived(id, topics.command(id, TelephonyCommand.LEAVE, "273751").id());
        assertThat(left.get("state").asString()).isEqualTo("answered");
        assertThat(left.get("meetingNumber").isNull()).isTrue();
    }

    @Test
    void muteAndHoldAreShownUntilUndone() {
        String id = placeCall("15162065318").get("id").asString();
        topics.command(id, TelephonyCommand.JOIN, "273752");

        JsonNode muted = awaitReceived(id, topics.command(id, TelephonyCommand.MUTE, null).id());
        assertThat(muted.get("muted").asBoolean()).isTrue();
        assertThat(muted.get("held").asBoolean()).isFalse();
        JsonNode held = awaitReceived(id, topics.command(id, TelephonyCommand.HOLD, null).id());
        assertThat(held.get("held").asBoolean()).isTrue();
        assertThat(held.get("muted").asBoolean()).isTrue();
        JsonNode unmuted = awaitReceived(id, topics.command(id, TelephonyCommand.UNMUTE, null).id());
        assertThat(unmuted.get("muted").asBoolean()).isFalse();
        JsonNode unheld = awaitReceived(id, topics.command(id, TelephonyCommand.UNHOLD, null).id());
        assertThat(unheld.get("held").asBoolean()).isFalse();
        assertThat(unheld.get("state").asString()).isEqualTo("in-meeting");
    }

    @Test
    void everyCommandIsListedInOrderWithItsArgumentAndTimes() {
        String id = placeCall("15162065318").get("id").asString();
        long before = System.currentTimeMillis();
        TelephonyTopics.Command entry = topics.command(id, TelephonyCommand.PLAY, "entry-tone");
        TelephonyTopics.Command count = topics.command(id, TelephonyCommand.PLAY, "count:7");

        JsonNode call = awaitReceived(id, count.id());
        JsonNode commands = call.get("commands");
        assertThat(commands.size()).isEqualTo(2);
        assertThat(commands.get(0).get("id").asString()).isEqualTo(entry.id());
        assertThat(commands.get(0).get("type").asString()).isEqualTo("play");
        assertThat(commands.get(0).get("argument").asString()).isEqualTo("entry-tone");
        assertThat(commands.get(0).get("issuedAt").asLong()).isEqualTo(entry.issuedAt());
        assertThat(commands.get(0).get("receivedAt").asLong()).isGreaterThanOrEqualTo(before);
        assertThat(commands.get(1).get("argument").asString()).isEqualTo("count:7");
        assertThat(commands.get(1).get("receivedAt").asLong())
                .isGreaterThanOrEqualTo(commands.get(0).get("receivedAt").asLong());
        assertThat(call.get("state").asString()).isEqualTo("answered");
    }

    @Test
    void hangupEndsTheCallAsTheServerWithoutTellingThePlatformBack() {
        try (var events = topics.read(Topics.TELEPHONY_EVENTS)) {
            String id = placeCall("15162065318").get("id").asString();

            JsonNode ended = awaitReceived(id, topics.command(id, TelephonyCommand.HANGUP, null).id());
            assertThat(ended.get("state").asString()).isEqualTo("ended");
            assertThat(ended.get("endedBy").asString()).isEqualTo("server");
            http.delete().uri("/calls/{id}", id).exchange().expectStatus().isEqualTo(409);

            await().during(Duration.ofSeconds(2)).atMost(PATIENCE).until(() -> events.eventsFor(id),
                    records -> records.size() == 1 && records.get(0).get("type").asString().equals("call.offered"));
        }
    }

    @Test
    void aRedeliveredCommandIsAppliedOnce() {
        String id = placeCall("15162065318").get("id").asString();
        TelephonyTopics.Command mute = topics.command(id, TelephonyCommand.MUTE, null);
        topics.send(mute);
        TelephonyTopics.Command unmute = topics.command(id, TelephonyCommand.UNMUTE, null);
        topics.send(mute);
        TelephonyTopics.Command last = topics.command(id, TelephonyCommand.PLAY, "entry-tone");

        JsonNode call = awaitReceived(id, last.id());
        assertThat(call.get("commands")).extracting(command -> command.get("id").asString())
                .containsExactly(mute.id(), unmute.id(), last.id());
        assertThat(call.get("muted").asBoolean()).isFalse();
    }

    @Test
    void commandsForUnknownOrEndedCallsAreCountedAndIgnoredAndLaterCommandsStillApply() {
        double unknownBefore = ignored("unknown-call");
        double endedBefore = ignored("ended-call");
        String ended = placeCall("15162065318").get("id").asString();
        http.delete().uri("/calls/{id}", ended).exchange().expectStatus().isNoContent();
        String live = placeCall("15162065318").get("id").asString();

        topics.command("never-placed-" + UUID.randomUUID(), TelephonyCommand.PLAY, "entry-tone");
        topics.command(ended, TelephonyCommand.PLAY, "entry-tone");
        awaitReceived(live, topics.command(live, TelephonyCommand.PLAY, "entry-tone").id());

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(ignored("unknown-call")).isEqualTo(unknownBefore + 1);
            assertThat(ignored("ended-call")).isEqualTo(endedBefore + 1);
        });
        assertThat(call(ended).get("commands").isEmpty()).isTrue();
        http.get().uri("/calls/{id}", "never-placed").exchange().expectStatus().isNotFound();
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicAsItArrivedAndTheListenerCarriesOn() {
        try (var deadLetters = topics.read(Topics.deadLetter(Topics.TELEPHONY_COMMANDS))) {
            String id = placeCall("15162065318").get("id").asString();
            byte[] garbage = "{\"type\": \"mute\", oops".getBytes(StandardCharsets.UTF_8);

            topics.sendRaw(id, garbage);
            JsonNode muted = awaitReceived(id, topics.command(id, TelephonyCommand.MUTE, null).id());

            assertThat(muted.get("muted").asBoolean()).isTrue();
            assertThat(muted.get("commands").size()).isEqualTo(1);
            List<ConsumerRecord<String, byte[]>> dead = await().atMost(PATIENCE)
                    .until(() -> deadLetters.recordsFor(id), records -> !records.isEmpty());
            assertThat(dead).hasSize(1);
            assertThat(dead.get(0).value()).isEqualTo(garbage);
            assertThat(dead.get(0).headers().lastHeader("kafka_dlt-exception-fqcn")).isNotNull();
        }
    }

    @Test
    void aCommandThatMakesNoSenseIsDeadLetteredAfterItsRetries() {
        try (var deadLetters = topics.read(Topics.deadLetter(Topics.TELEPHONY_COMMANDS))) {
            String id = placeCall("15162065318").get("id").asString();

            topics.command(id, "transfer", "elsewhere");
            topics.command(id, TelephonyCommand.JOIN, "not-a-meeting-number");
            JsonNode held = awaitReceived(id, topics.command(id, TelephonyCommand.HOLD, null).id());

            assertThat(held.get("held").asBoolean()).isTrue();
            assertThat(held.get("state").asString()).isEqualTo("answered");
            List<JsonNode> dead = await().atMost(PATIENCE)
                    .until(() -> deadLetters.eventsFor(id), records -> records.size() >= 2);
            assertThat(dead).extracting(command -> command.get("type").asString())
                    .containsExactly("transfer", "join");
        }
    }

    private double ignored(String outcome) {
        Counter counter = meters.find("simulator.commands").tag("type", "play").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
