package org.conference.meeting.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conference.meeting.rules.MeetingHarness.types;
import static org.conference.meeting.rules.Participant.HOST;
import static org.conference.meeting.rules.Participant.PARTICIPANT;

import java.time.Duration;

import org.conference.common.events.MeetingEvent;
import org.conference.meeting.rules.MeetingInput.Tick;
import org.junit.jupiter.api.Test;

/** Deadlines: kept on the meeting, fired by a tick when due, each once, whatever tick comes early or twice. */
class DeadlineRulesTest {

    @Test
    void theNextDeadlineIsTheEarliestOne() {
        MeetingHarness meeting = new MeetingHarness("call_maxduration", "60", "conference_maxduration", "30");

        meeting.join(1, HOST);

        assertThat(meeting.meeting().deadlines()).containsOnlyKeys("call-max", "meeting-max");
        assertThat(meeting.meeting().nextDeadline()).hasValue(meeting.now() + 30_000);
    }

    @Test
    void aTickFiresEveryDueDeadlineEarliestFirstAndLeavesTheOthers() {
        MeetingHarness meeting = new MeetingHarness("call_maxduration", "60", "conference_entrytones", "off",
                "conference_exittones", "off", "call_announceparticipantcount", "");
        meeting.join(1, HOST);
        meeting.after(Duration.ofSeconds(5)).join(2, PARTICIPANT);
        meeting.after(Duration.ofSeconds(5)).join(3, PARTICIPANT);

        Outcome due = meeting.after(Duration.ofSeconds(55)).tick();

        assertThat(due.happenings()).extracting(h -> h.call().callId()).containsExactly(1L, 2L);
        assertThat(meeting.meeting().deadlines()).as("moved on to the next call due")
                .containsOnlyKeys("call-max").containsEntry("call-max", meeting.now() + 5_000);
    }

    @Test
    void anEarlyTickChangesNothing() {
        MeetingHarness meeting = new MeetingHarness("call_maxduration", "60");
        meeting.join(1, HOST);
        Conference before = meeting.meeting();

        Outcome early = meeting.after(Duration.ofSeconds(59)).tick();

        assertThat(early.conference()).isSameAs(before);
        assertThat(early.happenings()).isEmpty();
        assertThat(early.instructions()).isEmpty();
        assertThat(early.projections()).isEmpty();
    }

    @Test
    void aTickDeliveredTwiceFiresOnce() {
        MeetingHarness meeting = new MeetingHarness("call_maxduration", "60");
        meeting.join(1, HOST);
        meeting.join(2, PARTICIPANT);
        meeting.after(Duration.ofSeconds(60));

        Outcome twice = meeting.write(new Tick(), new Tick());
        Outcome again = meeting.tick();

        assertThat(types(twice)).containsExactly(MeetingEvent.CALL_LEFT, MeetingEvent.CALL_LEFT,
                MeetingEvent.MEETING_ENDED);
        assertThat(again.happenings()).isEmpty();
        assertThat(again.instructions()).isEmpty();
    }

    @Test
    void aTickForAMeetingThatIsGoneIsHarmless() {
        MeetingHarness meeting = new MeetingHarness();

        Outcome nothing = meeting.tick();

        assertThat(nothing.conference()).isNull();
        assertThat(nothing.happenings()).isEmpty();
    }

    @Test
    void deadlineNamesCarryTheirCall() {
        assertThat(Deadline.parse("dtmf:42")).isEqualTo(Deadline.keypad(42));
        assertThat(Deadline.keypad(7).name()).isEqualTo("dtmf:7");
        assertThat(Deadline.parse("stop-wait")).isEqualTo(Deadline.STOP_WAIT);
        assertThat(Deadline.parse("call-max")).isEqualTo(Deadline.CALL_MAX);
    }
}
