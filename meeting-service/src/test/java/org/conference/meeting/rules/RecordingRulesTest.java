package org.conference.meeting.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conference.meeting.rules.MeetingHarness.commandsTo;
import static org.conference.meeting.rules.MeetingHarness.types;
import static org.conference.meeting.rules.Participant.HOST;
import static org.conference.meeting.rules.Participant.PARTICIPANT;

import java.time.Duration;

import org.conference.common.events.MeetingEvent;
import org.conference.meeting.rules.MeetingInput.End;
import org.conference.meeting.rules.MeetingInput.SetAttribute;
import org.junit.jupiter.api.Test;

/** {@code conference_recording}, {@code recording_dtmf}, {@code recording_stop_how}, {@code recording_stop_wait}. */
class RecordingRulesTest {

    private static final String FIRST_TAKE = "273751-500-1";

    @Test
    void autoRecordingStartsWithTheMeetingThroughAJoinedCall() {
        MeetingHarness meeting = new MeetingHarness("conference_recording", "auto");

        Outcome started = meeting.join(1, PARTICIPANT);

        assertThat(types(started)).containsExactly(MeetingEvent.CALL_CREATED, MeetingEvent.MEETING_STARTED,
                MeetingEvent.CALL_JOINED, MeetingEvent.RECORDING_STARTED);
        assertThat(commandsTo(started, 1)).contains("record.start " + FIRST_TAKE);
        assertThat(meeting.meeting().recording()).isTrue();
        assertThat(started.happenings().get(3).meeting().recording()).as("the event's Meeting").isTrue();
    }

    @Test
    void lastTheRecordingStopsWhenTheMeetingEnds() {
        MeetingHarness meeting = new MeetingHarness("conference_recording", "auto", "recording_stop_how", "last");
        meeting.join(1, HOST);
        meeting.join(2, PARTICIPANT);
        meeting.leave(1);
        assertThat(meeting.meeting().recording()).isTrue();

        Outcome ended = meeting.write(new End());

        assertThat(types(ended)).containsExactly(MeetingEvent.RECORDING_STOPPED, MeetingEvent.CALL_LEFT,
                MeetingEvent.MEETING_ENDED);
        assertThat(commandsTo(ended, 2)).containsExactly("record.stop 273751-500-2", "hangup");
    }

    @Test
    void theLastCallerHangingUpStopsTheRecordingBeforeTheMeetingEnds() {
        MeetingHarness meeting = new MeetingHarness("conference_recording", "auto");
        meeting.join(1, HOST);

        assertThat(types(meeting.leave(1))).containsExactly(MeetingEvent.CALL_LEFT, MeetingEvent.RECORDING_STOPPED,
                MeetingEvent.MEETING_ENDED);
    }

    @Test
    void moderatorTheRecordingStopsAWhileAfterTheLastHostLeftUnlessAHostReturns() {
        MeetingHarness meeting = new MeetingHarness("conference_recording", "auto", "recording_stop_how", "moderator",
                "recording_stop_wait", "30");
        meeting.join(1, PARTICIPANT);
        meeting.join(2, HOST);
        meeting.leave(2);
        assertThat(meeting.meeting().deadlines()).containsEntry("recording-stop", meeting.now() + 30_000);
        meeting.after(Duration.ofSeconds(10)).join(3, HOST);
        assertThat(meeting.meeting().deadlines()).doesNotContainKey("recording-stop");
        meeting.leave(3);

        Outcome stopped = meeting.after(Duration.ofSeconds(30)).tick();

        assertThat(types(stopped)).containsExactly(MeetingEvent.RECORDING_STOPPED);
        assertThat(commandsTo(stopped, 1)).containsExactly("record.stop " + FIRST_TAKE);
        assertThat(meeting.meeting().recording()).isFalse();
        assertThat(meeting.meeting().participants()).as("the meeting goes on").hasSize(1);
    }

    @Test
    void whenTheCarrierLeavesTheNextTakeStartsOnAnotherJoinedCall() {
        MeetingHarness meeting = new MeetingHarness("conference_recording", "auto");
        meeting.join(1, HOST);
        meeting.join(2, PARTICIPANT);
        meeting.join(3, PARTICIPANT);

        Outcome carrierLeft = meeting.leave(1);

        assertThat(commandsTo(carrierLeft, 2)).contains("record.start 273751-500-2");
        assertThat(types(carrierLeft)).as("the meeting never stopped recording").containsExactly(
                MeetingEvent.CALL_LEFT);
        assertThat(meeting.meeting().take().carrierCallId()).isEqualTo(2);
        assertThat(commandsTo(meeting.leave(3), 2)).as("not the carrier: no new take").doesNotContain(
                "record.start 273751-500-3");
    }

    @Test
    void theRecordingBindingStartsAndStopsIt() {
        MeetingHarness meeting = new MeetingHarness();
        meeting.join(1, HOST);
        meeting.join(2, PARTICIPANT);
        assertThat(meeting.key(2, "*2").instructions()).as("recording_dtmf is h").isEmpty();

        Outcome started = meeting.key(1, "*2");
        assertThat(commandsTo(started, 1)).containsExactly("record.start " + FIRST_TAKE, "play recording-started");
        assertThat(types(started)).containsExactly(MeetingEvent.RECORDING_STARTED);

        Outcome stopped = meeting.key(1, "*2");
        assertThat(commandsTo(stopped, 1)).containsExactly("record.stop " + FIRST_TAKE, "play recording-stopped");
        assertThat(types(stopped)).containsExactly(MeetingEvent.RECORDING_STOPPED);
        assertThat(meeting.meeting().recording()).isFalse();
    }

    @Test
    void conferenceRecordingSetOnTheLiveMeetingStartsAndStopsIt() {
        MeetingHarness meeting = new MeetingHarness();
        meeting.join(1, HOST);

        Outcome on = meeting.write(new SetAttribute("conference_recording", "on"));
        assertThat(types(on)).containsExactly(MeetingEvent.RECORDING_STARTED, MeetingEvent.MEETING_UPDATED);
        assertThat(meeting.meeting().recording()).isTrue();

        Outcome off = meeting.write(new SetAttribute("conference_recording", "off"));
        assertThat(types(off)).containsExactly(MeetingEvent.RECORDING_STOPPED, MeetingEvent.MEETING_UPDATED);
        assertThat(meeting.meeting().recording()).isFalse();
    }
}
