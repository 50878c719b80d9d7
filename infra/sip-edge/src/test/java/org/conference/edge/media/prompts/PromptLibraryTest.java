package org.conference.edge.media.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import org.conference.edge.media.testing.Goertzel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PromptLibraryTest {

    /** The end-to-end test's phones use tones in these bands; the edge's own sounds must stay out of them. */
    private static final double[][] PHONE_BANDS = {{450, 550}, {1850, 1950}, {2650, 2750}};

    private final PromptLibrary library = PromptLibrary.load();

    @ParameterizedTest
    @ValueSource(strings = {"locked", "unlocked", "muted", "unmuted", "waiting-for-host", "meeting-ended", "goodbye",
            "max-calls", "recording-started", "help", "queue-cleared", "your-turn"})
    void meetingServicesSpokenPromptsAreThereAndAreNotTheBeep(String prompt) {
        short[] audio = library.audio(prompt);
        assertThat(audio).isNotSameAs(library.beep());
        assertThat(audio.length).as("%s lasts between 0.3 and 8 s", prompt).isBetween(2400, 64_000);
    }

    @Test
    void everyPromptOfMeetingServiceHasItsOwnAudio() {
        String[] prompts = {"entry-tone", "exit-tone", "max-calls", "locked", "unlocked", "waiting-for-host",
                "start-timeout", "max-duration", "meeting-ended", "muted", "unmuted", "all-muted", "all-unmuted",
                "on-hold", "off-hold", "recording-started", "recording-stopped", "help", "goodbye", "no-operator",
                "qa-started", "qa-ended", "hand-raised", "hand-lowered", "your-turn", "queue-cleared"};
        for (String prompt : prompts) {
            assertThat(library.audio(prompt)).as(prompt).isNotSameAs(library.beep());
        }
    }

    @Test
    void aCountIsSpokenFromPiecesAndGrowsWithTheNumber() {
        short[] seven = library.audio("count:7");
        short[] oneThousandTwoHundredThirtyFour = library.audio("count:1234");

        assertThat(seven).isNotSameAs(library.beep());
        assertThat(seven.length).isGreaterThan(library.audio("count-there-are").length);
        assertThat(oneThousandTwoHundredThirtyFour.length).isGreaterThan(seven.length + 8000);
        assertThat(library.audio("count:many")).isSameAs(library.beep());
        assertThat(library.audio("count:-1")).isSameAs(library.beep());
    }

    @Test
    void theToneSettingsAreSpoken() {
        assertThat(library.audio("tones:on:off")).isNotSameAs(library.beep());
        assertThat(library.audio("tones:on:off").length).isGreaterThan(library.audio("muted").length);
        assertThat(library.audio("tones:maybe:off")).isSameAs(library.beep());
    }

    @Test
    void anUnknownPromptIsABeep() {
        short[] beep = library.audio("no-such-prompt");
        assertThat(beep).isSameAs(library.beep());
        assertThat(library.audio(null)).isSameAs(library.beep());
        assertThat(library.audio("number-7")).as("a piece is no prompt").isSameAs(library.beep());
        assertThat(Goertzel.power(beep, 1200)).isGreaterThan(1e6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"entry-tone", "exit-tone", "no-such-prompt", "muted", "count:7", "tones:on:on"})
    void theEdgesSoundsStayOutOfThePhonesToneBands(String prompt) {
        assertOutOfPhoneBands(library.audio(prompt), prompt);
    }

    @Test
    void musicOnHoldStaysOutOfThePhonesToneBands() {
        assertOutOfPhoneBands(Tones.musicOnHold(), "music on hold");
    }

    private static void assertOutOfPhoneBands(short[] audio, String what) {
        double loudest = 0;
        for (int hertz = 100; hertz < 3900; hertz += 10) {
            loudest = Math.max(loudest, Goertzel.power(audio, hertz));
        }
        for (double[] band : PHONE_BANDS) {
            for (double hertz = band[0]; hertz <= band[1]; hertz += 10) {
                assertThat(Goertzel.power(audio, hertz)).as("%s at %s Hz", what, hertz).isLessThan(loudest / 1000);
            }
        }
    }
}
