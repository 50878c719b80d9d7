package org.conference.edge.media.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.conference.edge.media.CallAudio;
import org.conference.edge.media.testing.EngineFixture;
import org.conference.edge.media.testing.Goertzel;
import org.conference.edge.media.testing.TestPhone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three real phones on loopback in one meeting, each with its own tone; what each hears, measured with Goertzel. */
class MixingTest {

    private static final long MEETING = 273751;
    private static final double A = 500;
    private static final double B = 1900;
    private static final double C = 2700;
    private static final int SECOND = 8000;

    @TempDir
    Path recordings;
    private EngineFixture fixture;
    private TestPhone alice;
    private TestPhone bob;
    private TestPhone carol;
    private CallAudio aliceCall;
    private CallAudio bobCall;
    private CallAudio carolCall;

    @BeforeEach
    void threeCallersInOneMeeting() {
        fixture = new EngineFixture(recordings);
        alice = fixture.phone();
        bob = fixture.phone();
        carol = fixture.phone();
        aliceCall = open("alice", alice, A);
        bobCall = open("bob", bob, B);
        carolCall = open("carol", carol, C);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void eachCallerHearsTheOtherTwoAndNotItself() {
        short[] aliceHears = nextSecond(alice);
        short[] bobHears = nextSecond(bob);
        short[] carolHears = nextSecond(carol);

        assertHears(aliceHears, B, A);
        assertHears(aliceHears, C, A);
        assertHears(bobHears, A, B);
        assertHears(bobHears, C, B);
        assertHears(carolHears, A, C);
        assertHears(carolHears, B, C);
    }

    @Test
    void aMutedCallerLeavesTheOthersAudioButStillHearsThem() {
        nextSecond(alice);
        aliceCall.mute(true);

        short[] bobHears = nextSecond(bob);
        short[] aliceHears = nextSecond(alice);

        assertSilentAt(bobHears, A, C);
        assertHears(bobHears, C, A);
        assertHears(aliceHears, B, A);
        assertHears(aliceHears, C, A);

        aliceCall.mute(false);
        assertHears(nextSecond(bob), A, B);
    }

    @Test
    void aCallerOnHoldHearsMusicOnHoldAndIsNotHeard() {
        nextSecond(alice);
        aliceCall.hold(true);

        short[] aliceHears = nextSecond(alice);
        short[] bobHears = nextSecond(bob);

        // the loop's notes (C4, E4, G4, D5): music, and none of the meeting
        double music = Goertzel.power(aliceHears, 261.63) + Goertzel.power(aliceHears, 329.63)
                + Goertzel.power(aliceHears, 392.00) + Goertzel.power(aliceHears, 587.33);
        assertThat(music).isGreaterThan(100 * (Goertzel.power(aliceHears, B) + Goertzel.power(aliceHears, C)));
        assertSilentAt(bobHears, A, C);

        aliceCall.hold(false);
        assertHears(nextSecond(alice), B, 261.63);
    }

    @Test
    void aCallerWhosePhoneHoldsTheCallIsSentNothingAndNotHeard() {
        nextSecond(alice);
        aliceCall.heldByPhone(true);
        nextSecond(bob); // let the change take

        int packetsBefore = alice.packetsHeard();
        short[] bobHears = nextSecond(bob);

        assertThat(alice.packetsHeard()).as("at most what was on its way").isLessThanOrEqualTo(packetsBefore + 3);
        assertSilentAt(bobHears, A, C);

        aliceCall.heldByPhone(false);
        assertHears(nextSecond(alice), B, A);
    }

    @Test
    void aLoudMixClipsAtFullScaleInsteadOfWrappingRound() {
        carolCall.leave();
        // two callers at a steady +24,000: their sum, 48,000, does not fit 16 bits
        aliceCall.close();
        bobCall.close();
        TestPhone loudOne = fixture.phone();
        TestPhone loudTwo = fixture.phone();
        TestPhone listener = fixture.phone();
        CallAudio one = fixture.engine.open("loud-1", loudOne.offer(), new EngineFixture.Events());
        CallAudio two = fixture.engine.open("loud-2", loudTwo.offer(), new EngineFixture.Events());
        CallAudio hears = fixture.engine.open("listener", listener.offer(), new EngineFixture.Events());
        loudOne.talkTo(one.localPort(), n -> 24_000);
        loudTwo.talkTo(two.localPort(), n -> 24_000);
        one.join(MEETING);
        two.join(MEETING);
        hears.join(MEETING);

        short[] heard = nextSecond(listener);

        int min = Short.MAX_VALUE;
        int max = Short.MIN_VALUE;
        for (short sample : heard) {
            min = Math.min(min, sample);
            max = Math.max(max, sample);
        }
        assertThat(min).as("no sample wrapped round to negative").isGreaterThanOrEqualTo(0);
        assertThat(max).as("the sum saturates near full scale").isGreaterThan(30_000);
    }

    @Test
    void everyCallGetsItsOwnWellFormedStream() {
        nextSecond(alice);
        nextSecond(bob);

        for (TestPhone phone : new TestPhone[] {alice, bob, carol}) {
            assertThat(phone.ssrcChanges()).as("one SSRC").isEqualTo(1);
            assertThat(phone.markers()).as("marker on the first packet only").isEqualTo(1);
            assertThat(phone.sequenceGaps()).as("sequence numbers one by one").isZero();
            assertThat(phone.timestampSteps160()).as("timestamps 160 apart").isEqualTo(phone.packetsHeard() - 1);
            assertThat(phone.wrongPayloadTypes()).isZero();
        }
        assertThat(fixture.counter("conference.edge.rtp.received")).isPositive();
        assertThat(fixture.counter("conference.edge.rtp.sent")).isPositive();
        assertThat(fixture.registry.find("conference.edge.mix.frame").timer().count()).isPositive();
        assertThat(fixture.registry.find("conference.edge.meetings.mixing").gauge().value()).isEqualTo(1);
        assertThat(fixture.registry.find("conference.edge.calls.open").gauge().value()).isEqualTo(3);
    }

    private CallAudio open(String id, TestPhone phone, double hertz) {
        CallAudio call = fixture.engine.open(id, phone.offer(), new EngineFixture.Events());
        phone.talkTo(call.localPort(), hertz, 8000);
        call.join(MEETING);
        return call;
    }

    /** The second of audio the phone hears from now on, once the current state has settled (a quarter second). */
    static short[] nextSecond(TestPhone phone) {
        int from = phone.heardSamples() + SECOND / 4;
        int to = from + SECOND;
        await().atMost(Duration.ofSeconds(20)).until(() -> phone.heardSamples() >= to);
        return phone.heard(from, to);
    }

    static void assertHears(short[] samples, double present, double absent) {
        double heard = Goertzel.power(samples, present);
        assertThat(heard).as("%s Hz is heard", present).isGreaterThan(1e6);
        assertThat(heard).as("%s Hz is far louder than %s Hz", present, absent)
                .isGreaterThan(100 * Goertzel.power(samples, absent));
    }

    static void assertSilentAt(short[] samples, double absent, double reference) {
        assertThat(Goertzel.power(samples, absent)).as("%s Hz is not heard", absent)
                .isLessThan(Goertzel.power(samples, reference) / 100);
    }
}
