package org.conference.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sip.message.Request;

import org.conference.common.events.TelephonyCommand;
import org.conference.testsupport.telephony.TelephonyTopics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/** Commands from the platform reach the audio of the call they name, and only that call (§6). */
class CommandsTest extends SipEdgeIntegrationTest {

    @Autowired
    private MeterRegistry meters;

    @Test
    void joinMuteHoldAndPlayReachTheAudioOfTheCallTheyName() throws Exception {
        String host = answeredCall(phone.invite(did(), TestPhone.usualOffer(42000, "sendrecv")));
        String guest = answeredCall(phone.invite(did(), TestPhone.usualOffer(42002, "sendrecv")));

        topics.command(host, TelephonyCommand.JOIN, "273751");
        topics.command(host, TelephonyCommand.MUTE, null);
        topics.command(host, TelephonyCommand.HOLD, null);
        topics.command(host, TelephonyCommand.PLAY, "count:7");
        topics.command(host, TelephonyCommand.UNHOLD, null);
        topics.command(host, TelephonyCommand.UNMUTE, null);
        topics.command(host, TelephonyCommand.LEAVE, null);
        topics.command(guest, TelephonyCommand.PLAY, "entry-tone");

        await().atMost(PATIENCE).until(() -> audioOf(host).told(), told -> told.size() >= 7);
        assertThat(audioOf(host).told()).containsExactly("join:273751", "mute:true", "hold:true", "play:count:7",
                "hold:false", "mute:false", "leave");
        await().atMost(PATIENCE).until(() -> audioOf(guest).told(), told -> told.equals(List.of("play:entry-tone")));
    }

    @Test
    void aRedeliveredCommandIsAppliedOnce() throws Exception {
        String id = answeredCall(phone.invite(did(), TestPhone.usualOffer(42004, "sendrecv")));
        TelephonyTopics.Command play = topics.command(id, TelephonyCommand.PLAY, "entry-tone");
        topics.send(play);
        topics.command(id, TelephonyCommand.PLAY, "locked");

        await().atMost(PATIENCE).until(() -> audioOf(id).told().contains("play:locked"));
        assertThat(audioOf(id).told()).containsExactly("play:entry-tone", "play:locked");
    }

    @Test
    void hangupSendsThePhoneAByeClosesTheAudioAndTellsThePlatformNothingBack() throws Exception {
        TestPhone.Call call = phone.invite(did(), TestPhone.usualOffer(42006, "sendrecv"));
        String id = answeredCall(call);

        topics.command(id, TelephonyCommand.HANGUP, null);

        await().atMost(PATIENCE).until(() -> !call.received(Request.BYE).isEmpty());
        await().atMost(PATIENCE).until(() -> audioOf(id).closed());
        await().during(Duration.ofSeconds(2)).atMost(PATIENCE).until(() -> events.eventsFor(id),
                found -> found.size() == 1 && found.get(0).get("type").asString().equals("call.offered"));
    }

    @Test
    void anRtpTimeoutHangsThePhoneUpAndIsReportedAsAHangup() throws Exception {
        TestPhone.Call call = phone.invite(did(), TestPhone.usualOffer(42008, "sendrecv"));
        String id = answeredCall(call);

        audioOf(id).events().rtpTimedOut();

        await().atMost(PATIENCE).until(() -> !call.received(Request.BYE).isEmpty());
        List<JsonNode> events = awaitEvents(id, 2);
        assertThat(events).extracting(event -> event.get("type").asString())
                .containsExactly("call.offered", "call.hungup");
        assertThat(audioOf(id).closed()).isTrue();
    }

    @Test
    void commandsForCallsTheEdgeDoesNotHoldOrThatEndedAreCountedAndIgnored() throws Exception {
        double unknownBefore = count("unknown-call");
        double endedBefore = count("ended-call");
        TestPhone.Call ended = phone.invite(did(), TestPhone.usualOffer(42010, "sendrecv"));
        String endedId = answeredCall(ended);
        ended.inDialog(Request.BYE, null, null);
        awaitEvents(endedId, 2);
        String live = answeredCall(phone.invite(did(), TestPhone.usualOffer(42012, "sendrecv")));

        topics.command("simulated-" + UUID.randomUUID(), TelephonyCommand.PLAY, "entry-tone");
        topics.command(endedId, TelephonyCommand.PLAY, "entry-tone");
        topics.command(live, TelephonyCommand.PLAY, "entry-tone");

        await().atMost(PATIENCE).until(() -> audioOf(live).told().contains("play:entry-tone"));
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(count("unknown-call")).isEqualTo(unknownBefore + 1);
            assertThat(count("ended-call")).isEqualTo(endedBefore + 1);
        });
        assertThat(audioOf(endedId).told()).containsExactly("close");
    }

    private double count(String outcome) {
        Counter counter = meters.find("edge.commands").tag("type", "play").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
