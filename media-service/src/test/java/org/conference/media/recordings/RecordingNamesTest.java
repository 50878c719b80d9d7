package org.conference.media.recordings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class RecordingNamesTest {

    private static final long COMPLETED = Instant.parse("2026-12-02T09:05:07.900Z").toEpochMilli();

    @Test
    void aRecordingIsNamedAfterItsMeetingAndWhenItCompletedInUtc() {
        assertThat(Recordings.fileName(273751, COMPLETED)).isEqualTo("meeting-273751-20261202-090507.wav");
    }

    @Test
    void aSecondTakeCompletedInTheSameSecondKeepsItsTakeNumber() {
        String first = Recordings.fileName(273751, COMPLETED);
        assertThat(Recordings.withTake(first, "273751-12-3")).isEqualTo("meeting-273751-20261202-090507-3.wav");
    }

    @Test
    void theMeetingNumberComesFromTheRecordingName() {
        assertThat(Recordings.meetingNumber("273751-12-3")).isEqualTo(273751);
        assertThatThrownBy(() -> Recordings.meetingNumber("x-12-3")).isInstanceOf(IllegalArgumentException.class);
    }
}
