package org.conference.edge.media.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.conference.edge.media.engine.MixingTest.nextSecond;

import java.nio.file.Path;
import java.time.Duration;
import org.conference.edge.media.CallAudio;
import org.conference.edge.media.Codec;
import org.conference.edge.media.MediaCapacityException;
import org.conference.edge.media.testing.EngineFixture;
import org.conference.edge.media.testing.EngineFixture.Events;
import org.conference.edge.media.testing.Goertzel;
import org.conference.edge.media.testing.TestPhone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One call's audio over real UDP on loopback: prompts, DTMF, malformed packets, silence, capacity. */
class CallAudioTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path recordings;
    private EngineFixture fixture;

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aCallInTheLobbyIsSentSilenceAndHearsItsPrompt() {
        fixture = new EngineFixture(recordings);
        TestPhone phone = fixture.phone();
        CallAudio call = fixture.engine.open("lobby", phone.offer(), new Events());

        short[] lobby = nextSecond(phone);
        assertThat(lobby).as("RTP keeps coming, with silence").containsOnly((short) 0);

        int from = phone.heardSamples();
        call.play("entry-tone");
        await().atMost(WAIT).until(() -> phone.heardSamples() >= from + 8000);
        short[] heard = phone.heard(from, from + 8000);
        assertThat(Goertzel.power(heard, 700)).isGreaterThan(1e5);
        assertThat(Goertzel.power(heard, 1000)).isGreaterThan(1e5);
    }

    @Test
    void anUnknownPromptIsHeardAsABeepOverTheMeeting() {
        fixture = new EngineFixture(recordings);
        TestPhone speaker = fixture.phone();
        TestPhone listener = fixture.phone();
        CallAudio speaking = fixture.engine.open("speaker", speaker.offer(), new Events());
        CallAudio listening = fixture.engine.open("listener", listener.offer(), new Events());
        speaker.talkTo(speaking.localPort(), 1900, 8000);
        speaking.join(7);
        listening.join(7);
        nextSecond(listener);

        int from = listener.heardSamples();
        listening.play("no-such-prompt");
        await().atMost(WAIT).until(() -> listener.heardSamples() >= from + 8000);
        short[] heard = listener.heard(from, from + 8000);

        assertThat(Goertzel.power(heard, 1200)).as("the beep").isGreaterThan(1e5);
        assertThat(Goertzel.power(heard, 1900)).as("the meeting under it").isGreaterThan(1e6);
    }

    @Test
    void aKeyPressIsReportedOnceThoughItsEndIsRetransmitted() {
        fixture = new EngineFixture(recordings);
        TestPhone phone = fixture.phone();
        Events events = new Events();
        CallAudio call = fixture.engine.open("keys", phone.offer(), events);

        pressKey(phone, call.localPort(), 16_000, 1);
        pressKey(phone, call.localPort(), 17_600, 11);

        await().atMost(WAIT).until(() -> events.digits.length() >= 2);
        assertThat(events.digits).hasToString("1#");
        pressKey(phone, call.localPort(), 17_600, 11); // the same event once more: not a new press
        pressKey(phone, call.localPort(), 19_200, 0);
        await().atMost(WAIT).until(() -> events.digits.length() >= 3);
        assertThat(events.digits).hasToString("1#0");
    }

    @Test
    void malformedDatagramsAreCountedByReasonAndTheCallGoesOn() {
        fixture = new EngineFixture(recordings);
        TestPhone phone = fixture.phone();
        Events events = new Events();
        CallAudio call = fixture.engine.open("garbage", phone.offer(), events);
        int port = call.localPort();

        byte[] good = phone.packet(0, 0, false, new byte[160]);
        byte[] wrongVersion = good.clone();
        wrongVersion[0] = (byte) 0x40;
        phone.sendRaw(port, wrongVersion);
        phone.sendRaw(port, new byte[] {(byte) 0x80, 0, 0});
        phone.sendRaw(port, phone.packet(18, 0, false, new byte[20])); // G.729: not negotiated
        phone.sendRaw(port, phone.packet(0, 0, false, new byte[80])); // a 10 ms frame
        phone.sendRaw(port, phone.packet(TestPhone.TELEPHONE_EVENT, 0, false, new byte[2]));
        TestPhone stranger = fixture.phone();
        phone.sendRaw(port, good); // latches the phone's address
        stranger.sendRaw(port, stranger.packet(0, 0, false, new byte[160]));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(fixture.counter("conference.edge.rtp.dropped", "reason", "version")).isEqualTo(1);
            assertThat(fixture.counter("conference.edge.rtp.dropped", "reason", "truncated")).isEqualTo(2);
            assertThat(fixture.counter("conference.edge.rtp.dropped", "reason", "payload-type")).isEqualTo(1);
            assertThat(fixture.counter("conference.edge.rtp.dropped", "reason", "frame-size")).isEqualTo(1);
            assertThat(fixture.counter("conference.edge.rtp.dropped", "reason", "source")).isEqualTo(1);
        });
        pressKey(phone, port, 4000, 9);
        await().atMost(WAIT).until(() -> events.digits.length() == 1);
        assertThat(events.digits).hasToString("9");
    }

    @Test
    void aSilentPhoneTimesOutOnceAndNotWhileItHoldsTheCall() {
        fixture = new EngineFixture(recordings, 40, 100, Duration.ofSeconds(1));
        TestPhone gone = fixture.phone();
        TestPhone holding = fixture.phone();
        Events goneEvents = new Events();
        Events holdingEvents = new Events();
        CallAudio goneCall = fixture.engine.open("gone", gone.offer(), goneEvents);
        CallAudio holdingCall = fixture.engine.open("holding", holding.offer(), holdingEvents);
        holdingCall.heldByPhone(true);
        gone.talkTo(goneCall.localPort(), 1000, 8000);
        await().atMost(WAIT).until(() -> fixture.counter("conference.edge.rtp.received") > 10);

        gone.stopTalking();

        await().atMost(WAIT).until(() -> goneEvents.timeouts.get() == 1);
        await().during(Duration.ofSeconds(3)).atMost(WAIT).until(() -> goneEvents.timeouts.get() == 1);
        assertThat(holdingEvents.timeouts).as("a phone holding the call may send nothing").hasValue(0);
        assertThat(fixture.counter("conference.edge.rtp.timeouts")).isEqualTo(1);

        holdingCall.heldByPhone(false);
        await().atMost(WAIT).until(() -> holdingEvents.timeouts.get() == 1);
    }

    @Test
    void atMaxCallsOpenIsRefusedUntilACallCloses() {
        fixture = new EngineFixture(recordings, 40, 2, Duration.ofSeconds(30));
        CallAudio first = fixture.engine.open("one", fixture.phone().offer(), new Events());
        fixture.engine.open("two", fixture.phone().offer(), new Events());

        assertThatThrownBy(() -> fixture.engine.open("three", fixture.phone().offer(), new Events()))
                .isInstanceOf(MediaCapacityException.class);
        assertThat(fixture.engine.openCalls()).isEqualTo(2);
        assertThat(fixture.counter("conference.edge.media.shed")).isEqualTo(1);

        first.close();
        first.close();
        assertThat(fixture.engine.openCalls()).isEqualTo(1);
        assertThat(fixture.engine.open("three", fixture.phone().offer(), new Events()).localPort()).isPositive();
    }

    @Test
    void withoutAFreePortOpenIsRefusedAndAClosedCallsPortComesBack() {
        fixture = new EngineFixture(recordings, 2, 100, Duration.ofSeconds(30));
        CallAudio first = fixture.engine.open("one", fixture.phone().offer(), new Events());
        CallAudio second = fixture.engine.open("two", fixture.phone().offer(), new Events());
        assertThat(first.localPort() % 2).isZero();
        assertThat(second.localPort() % 2).isZero();

        assertThatThrownBy(() -> fixture.engine.open("three", fixture.phone().offer(), new Events()))
                .isInstanceOf(MediaCapacityException.class).hasMessageContaining("no free RTP port");

        second.close();
        await().atMost(WAIT).ignoreExceptions()
                .until(() -> fixture.engine.open("three", fixture.phone().offer(), new Events()).localPort()
                        == second.localPort());
    }

    @Test
    void aCallIdIsOpenedOnce() {
        fixture = new EngineFixture(recordings);
        fixture.engine.open("same", fixture.phone().offer(), new Events());
        assertThatThrownBy(() -> fixture.engine.open("same", fixture.phone().offer(), new Events()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anALawPhoneAndAMuLawPhoneHearEachOther() {
        fixture = new EngineFixture(recordings);
        TestPhone alaw = new TestPhone(Codec.PCMA);
        TestPhone ulaw = fixture.phone();
        try {
            CallAudio alawCall = fixture.engine.open("alaw", alaw.offer(), new Events());
            CallAudio ulawCall = fixture.engine.open("ulaw", ulaw.offer(), new Events());
            alaw.talkTo(alawCall.localPort(), 700, 8000);
            ulaw.talkTo(ulawCall.localPort(), 1300, 8000);
            alawCall.join(9);
            ulawCall.join(9);

            MixingTest.assertHears(nextSecond(alaw), 1300, 700);
            MixingTest.assertHears(nextSecond(ulaw), 700, 1300);
            assertThat(alaw.wrongPayloadTypes()).as("A-law goes out as payload type 8").isZero();
        } finally {
            alaw.close();
        }
    }

    @Test
    void aPhoneThatMovesIsSentToAndHeardFromItsNewAddress() {
        fixture = new EngineFixture(recordings);
        TestPhone before = fixture.phone();
        TestPhone after = fixture.phone();
        TestPhone other = fixture.phone();
        CallAudio moving = fixture.engine.open("moving", before.offer(), new Events());
        CallAudio listening = fixture.engine.open("other", other.offer(), new Events());
        before.talkTo(moving.localPort(), 700, 8000);
        moving.join(3);
        listening.join(3);
        MixingTest.assertHears(nextSecond(other), 700, 1300);

        before.stopTalking();
        moving.phoneAt(after.address());
        after.talkTo(moving.localPort(), 1300, 8000);

        MixingTest.assertHears(nextSecond(other), 1300, 700);
        int heardBefore = before.packetsHeard();
        nextSecond(after);
        assertThat(after.packetsHeard()).as("the new address hears the call").isGreaterThan(40);
        assertThat(before.packetsHeard()).as("the old one no more").isLessThanOrEqualTo(heardBefore + 3);

        // a straggler from the old address after the move is not taken
        before.sendRaw(moving.localPort(), before.packet(0, 0, false, new byte[160]));
        await().atMost(WAIT).until(() -> fixture.counter("conference.edge.rtp.dropped", "reason", "source") >= 1);
    }

    /** One RFC 4733 key press as phones send it: three packets without, three with the end bit, one timestamp. */
    private static void pressKey(TestPhone phone, int port, long timestamp, int event) {
        for (int i = 0; i < 6; i++) {
            boolean end = i >= 3;
            int duration = 160 * Math.min(i + 1, 4);
            byte[] payload = {(byte) event, (byte) ((end ? 0x80 : 0) | 10), (byte) (duration >> 8), (byte) duration};
            phone.sendRaw(port, phone.packet(TestPhone.TELEPHONE_EVENT, timestamp, i == 0, payload));
        }
    }

}
