package org.conference.testsupport.softphone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two real baresip softphones on loopback, one calling the other directly: the instrument the SIP edge's end-to-end
 * test assembles, proven without the edge. Skipped where baresip is missing, failed when {@code CI} is set.
 */
class SoftphoneCallTest {

    private static final Duration CALL_SETUP = Duration.ofSeconds(20);
    private static final int ALICE_HZ = 500;
    private static final int BOB_HZ = 1900;
    private static final int NOBODY_HZ = 2700;

    @BeforeAll
    static void baresipInstalled() {
        Softphone.assumeAvailable();
    }

    @Test
    void eachHearsTheOtherNotItselfKeysArriveAsOneEventEachAndTheHangUpIsABye() {
        try (Softphone alice = Softphone.start(SoftphoneOptions.caller("alice", ALICE_HZ));
             Softphone bob = Softphone.start(SoftphoneOptions.autoAnswering("bob", BOB_HZ))) {
            // What the harness costs, kept in surefire's output of this class (the README quotes it).
            System.out.printf("baresip start-up: %d ms, %d ms%n", alice.startupTime().toMillis(),
                    bob.startupTime().toMillis());
            Duration aliceCpuBefore = alice.cpuTime().orElse(Duration.ZERO);

            alice.dial(bob.uri());
            alice.awaitEstablished(CALL_SETUP);
            bob.awaitEstablished(CALL_SETUP);

            alice.sendDigits("12#");
            assertThat(bob.awaitReceivedDigits(3, Duration.ofSeconds(10)))
                    .as("bob's received telephone-events, one per key\n%s", bob.events()).isEqualTo("12#");
            assertThat(bob.receivedDigitEnds()).as("each key's event ended once").isEqualTo(3);

            ToneAnalysis midCall = bob.heardSoFar();
            assertThat(midCall.hears(ALICE_HZ, Duration.ofMillis(200), midCall.duration()))
                    .as("bob already hears alice mid-call: %s",
                            midCall.explain(Duration.ofMillis(200), midCall.duration(), ALICE_HZ, BOB_HZ))
                    .isTrue();

            // About 3 s of talk, counted in what alice has heard.
            awaitHeard(alice, Duration.ofSeconds(4));
            alice.hangup();
            long hungUp = System.nanoTime();
            assertThat(alice.awaitClosed(CALL_SETUP).cause()).isEqualTo(CallEnd.Cause.LOCAL_HANGUP);
            CallEnd bobsEnd = bob.awaitClosed(CALL_SETUP);
            assertThat(bobsEnd.cause()).as("bob's end: %s", bobsEnd).isEqualTo(CallEnd.Cause.REMOTE_HANGUP);

            ToneAnalysis aliceHeard = ToneAnalysis.of(alice.heardAudio());
            ToneAnalysis bobHeard = ToneAnalysis.of(bob.heardAudio());
            System.out.printf("dumps complete %d ms after the hang-up; alice used %d ms CPU for a %d ms call%n",
                    (System.nanoTime() - hungUp) / 1_000_000,
                    alice.cpuTime().orElse(Duration.ZERO).minus(aliceCpuBefore).toMillis(),
                    aliceHeard.duration().toMillis());

            assertThat(bob.log()).as("media stays on loopback, as SIP does")
                    .contains("receiving from 127.0.0.1:");
            assertHearsOnly(aliceHeard, BOB_HZ, List.of(ALICE_HZ, NOBODY_HZ), "alice");
            assertHearsOnly(bobHeard, ALICE_HZ, List.of(BOB_HZ, NOBODY_HZ), "bob");
        }
    }

    @Test
    void aMutedCallerIsSilentUntilUnmuted() {
        try (Softphone alice = Softphone.start(SoftphoneOptions.caller("alice", ALICE_HZ));
             Softphone bob = Softphone.start(SoftphoneOptions.autoAnswering("bob", BOB_HZ))) {
            alice.dial(bob.uri());
            alice.awaitEstablished(CALL_SETUP);
            bob.awaitEstablished(CALL_SETUP);

            Duration muted = awaitHeard(bob, Duration.ofMillis(1500));
            alice.mute(true);
            Duration unmuted = awaitHeard(bob, muted.plusMillis(1500));
            alice.mute(false);
            Duration end = awaitHeard(bob, unmuted.plusMillis(1500));
            alice.hangup();
            bob.awaitClosed(CALL_SETUP);

            ToneAnalysis heard = ToneAnalysis.of(bob.heardAudio());
            // Half a second of margin around each switch: the dump's length is read while audio keeps arriving.
            Duration margin = Duration.ofMillis(500);
            assertThat(heard.hears(ALICE_HZ, margin, muted.minus(margin)))
                    .as("before the mute: %s", heard.explain(margin, muted.minus(margin), ALICE_HZ)).isTrue();
            assertThat(heard.hears(ALICE_HZ, muted.plus(margin), unmuted.minus(margin)))
                    .as("while muted: %s", heard.explain(muted.plus(margin), unmuted.minus(margin), ALICE_HZ))
                    .isFalse();
            assertThat(heard.hears(ALICE_HZ, unmuted.plus(margin), end))
                    .as("after the unmute: %s", heard.explain(unmuted.plus(margin), end, ALICE_HZ)).isTrue();
        }
    }

    @Test
    void aCalleeThatRejectsTheCallGivesTheCallerItsSipStatus() {
        try (Softphone alice = Softphone.start(SoftphoneOptions.caller("alice", ALICE_HZ));
             Softphone carol = Softphone.start(SoftphoneOptions.caller("carol", NOBODY_HZ))) {
            alice.dial(carol.uri());
            // carol answers nothing by herself; hanging up a call that rings rejects it (486 Busy Here).
            await().atMost(CALL_SETUP).until(() -> carol.events().stream()
                    .anyMatch(event -> event.is("CALL_INCOMING")));
            carol.hangup();
            CallEnd refused = alice.awaitClosed(CALL_SETUP);
            assertThat(refused.cause()).as("%s", refused).isEqualTo(CallEnd.Cause.FAILED);
            assertThat(refused.sipStatus()).as("%s", refused).hasValue(486);
        }
    }

    @Test
    void aPcmaOnlyCallerIsRefusedByAPcmuCalleeAndTalksWithAPcmaOne() {
        try (Softphone alice = Softphone.start(SoftphoneOptions.caller("alice", ALICE_HZ).withCodec(Codec.PCMA));
             Softphone bob = Softphone.start(SoftphoneOptions.autoAnswering("bob", BOB_HZ));
             Softphone dave = Softphone.start(
                     SoftphoneOptions.autoAnswering("dave", NOBODY_HZ).withCodec(Codec.PCMA))) {
            alice.dial(bob.uri());
            CallEnd refused = alice.awaitClosed(CALL_SETUP);
            assertThat(refused.sipStatus()).as("no common codec: %s", refused).hasValue(488);

            alice.dial(dave.uri());
            alice.awaitEstablished(CALL_SETUP);
            dave.awaitEstablished(CALL_SETUP);
            awaitHeard(alice, Duration.ofSeconds(2));
            alice.hangup();
            alice.awaitClosed(CALL_SETUP);

            assertThat(dave.log()).contains("Set audio decoder: PCMA 8000Hz");
            ToneAnalysis heard = ToneAnalysis.of(alice.heardAudio());
            Duration from = Duration.ofMillis(500);
            assertThat(heard.hears(NOBODY_HZ, from, heard.duration()))
                    .as("alice hears dave over PCMA: %s", heard.explain(from, heard.duration(), ALICE_HZ, NOBODY_HZ))
                    .isTrue();

            // A second call to the same callee, ended from its side this time.
            assertThat(dave.awaitClosed(CALL_SETUP).cause()).isEqualTo(CallEnd.Cause.REMOTE_HANGUP);
            alice.dial(dave.uri());
            alice.awaitEstablished(CALL_SETUP);
            dave.awaitEstablished(CALL_SETUP);
            dave.hangup();
            assertThat(dave.awaitClosed(CALL_SETUP).cause()).isEqualTo(CallEnd.Cause.LOCAL_HANGUP);
            assertThat(alice.awaitClosed(CALL_SETUP).cause()).isEqualTo(CallEnd.Cause.REMOTE_HANGUP);
        }
    }

    @Test
    void aSoftphoneThatVanishesFailsItsWaitsAtOnceAndSaysWhy() {
        try (Softphone alice = Softphone.start(SoftphoneOptions.caller("alice", ALICE_HZ));
             Softphone bob = Softphone.start(SoftphoneOptions.autoAnswering("bob", BOB_HZ))) {
            alice.dial(bob.uri());
            alice.awaitEstablished(CALL_SETUP);
            bob.awaitEstablished(CALL_SETUP);

            bob.vanish();

            // Far less than the wait's own ten minutes: the closed control connection ends it.
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThatThrownBy(
                    () -> bob.awaitClosed(Duration.ofMinutes(10)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("baresip closed the control connection")
                    .hasMessageContaining("baresip log"));
            assertThatThrownBy(() -> bob.sendDigits("1")).hasMessageContaining("closed the control connection");
        }
    }

    /** Waits until {@code phone} has heard at least {@code length} of the call; answers how much it has. */
    private static Duration awaitHeard(Softphone phone, Duration length) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .until(() -> phone.heardSoFar().duration(), heard -> heard.compareTo(length) >= 0);
    }

    private static void assertHearsOnly(ToneAnalysis heard, int expectedHz, List<Integer> absentHz, String who) {
        // The first half second holds the jitter buffer's start; the last the hang-up.
        Duration from = Duration.ofMillis(500);
        Duration to = heard.duration().minusMillis(300);
        double[] probes = {ALICE_HZ, BOB_HZ, NOBODY_HZ};
        String explained = heard.explain(from, to, probes);
        assertThat(heard.duration()).as("%s's recording: %s", who, explained).isGreaterThan(Duration.ofSeconds(3));
        assertThat(heard.hears(expectedHz, from, to)).as("%s hears %d Hz: %s", who, expectedHz, explained).isTrue();
        for (int absent : absentHz) {
            assertThat(heard.hears(absent, from, to)).as("%s does not hear %d Hz: %s", who, absent, explained)
                    .isFalse();
        }
    }
}
