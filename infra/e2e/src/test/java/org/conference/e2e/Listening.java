package org.conference.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.conference.testsupport.softphone.ToneAnalysis;

/**
 * What phones hear from now on: each phone's window starts where its own heard audio (baresip's dump, which grows in
 * real time) stands now, plus a settling time for the jitter buffers, and the wait is for that much audio to be
 * heard, never a fixed sleep. A verdict names the probe tones' shares and levels, whichever way it fails.
 */
final class Listening {

    /** The callers' tones: what every verdict looks at, heard or not. */
    static final double[] TONES = {500, 1900, 2700};
    /** Past the edge's (60 ms) and baresip's (100-200 ms) jitter buffers, with room for a loaded machine. */
    private static final Duration SETTLE = Duration.ofMillis(700);

    /** A stretch of one phone's heard audio. */
    record Window(String who, ToneAnalysis heard, Duration from, Duration to) {

        String explain() {
            return who + " heard " + heard.explain(from, to, TONES);
        }

        /** Of the callers' tones, exactly {@code expected} are heard; the others are not. */
        void hearsExactly(Set<Integer> expected) {
            System.out.println(explain());
            for (double tone : TONES) {
                boolean wanted = expected.contains((int) tone);
                assertThat(heard.hears(tone, from, to))
                        .as("%s %s %.0f Hz: %s", who, wanted ? "hears" : "does not hear", tone, explain())
                        .isEqualTo(wanted);
            }
        }
    }

    private Listening() {
    }

    /** Waits until each phone has heard {@code length} more (after settling) and answers its window, in order. */
    static List<Window> next(Duration length, PhoneInMeeting... callers) {
        List<Duration> starts = new ArrayList<>();
        for (PhoneInMeeting caller : callers) {
            starts.add(caller.phone().heardSoFar().duration().plus(SETTLE));
        }
        List<Window> windows = new ArrayList<>();
        for (int i = 0; i < callers.length; i++) {
            PhoneInMeeting caller = callers[i];
            Duration from = starts.get(i);
            Duration to = from.plus(length);
            ToneAnalysis heard = await(caller.who() + " hears " + length + " more").atMost(LiveRoom.WAIT)
                    .pollInterval(LiveRoom.POLL).until(() -> caller.phone().heardSoFar(),
                            soFar -> soFar.duration().compareTo(to) >= 0);
            windows.add(new Window(caller.who(), heard, from, to));
        }
        return windows;
    }

    /** The whole of a recording but its first and last {@code margin}, as one window. */
    static Window ofRecording(String name, ToneAnalysis recording, Duration margin) {
        return new Window("the recording " + name, recording, margin, recording.duration().minus(margin));
    }
}
