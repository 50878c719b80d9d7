package org.conference.common.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What every edge refuses before it looks a call up: commands no edge can apply, whatever it holds. */
class TelephonyCommandTest {

    @Test
    void theCallIdNamesTheCallAndTheKeyStandsInWhenItIsMissing() {
        assertThat(TelephonyCommand.targetCallId("key-1", command(TelephonyCommand.MUTE, "call-9", null)))
                .isEqualTo("call-9");
        assertThat(TelephonyCommand.targetCallId("key-1", command(TelephonyCommand.MUTE, null, null)))
                .isEqualTo("key-1");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "join, 273751", "leave, null", "hangup, null", "unmute, null", "hold, null", "unhold, null",
            "play, count:7", "record.start, meeting-273751-1", "record.stop, a_b.c-1"})
    void everyTypeWithTheArgumentItNeedsIsAccepted(String type, String argument) {
        assertThat(TelephonyCommand.targetCallId("k", command(type, "c", argument))).isEqualTo("c");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "join, null", "join, 12a", "join, 1234567890123456789", "play, ' '", "play, null",
            "record.start, ../etc", "record.start, .hidden", "record.stop, a/b", "record.stop, null"})
    void aMissingOrUnusableArgumentIsRefused(String type, String argument) {
        assertThatThrownBy(() -> TelephonyCommand.targetCallId("k", command(type, "c", argument)))
                .isInstanceOf(InvalidTelephonyCommandException.class).hasMessageContaining("unusable argument");
    }

    @Test
    void anUnknownTypeNoCallOrNoCommandIsRefused() {
        assertThatThrownBy(() -> TelephonyCommand.targetCallId("k", command("transfer", "c", null)))
                .isInstanceOf(InvalidTelephonyCommandException.class).hasMessageContaining("unknown command type");
        assertThatThrownBy(() -> TelephonyCommand.targetCallId("k", command(null, "c", null)))
                .isInstanceOf(InvalidTelephonyCommandException.class).hasMessageContaining("unknown command type");
        assertThatThrownBy(() -> TelephonyCommand.targetCallId(" ", command(TelephonyCommand.HOLD, null, null)))
                .isInstanceOf(InvalidTelephonyCommandException.class).hasMessageContaining("names no call");
        assertThatThrownBy(() -> TelephonyCommand.targetCallId("k", null))
                .isInstanceOf(InvalidTelephonyCommandException.class).hasMessageContaining("without a value");
    }

    private static TelephonyCommand command(String type, String callId, String argument) {
        return new TelephonyCommand("id-1", type, callId, 1L, argument);
    }
}
