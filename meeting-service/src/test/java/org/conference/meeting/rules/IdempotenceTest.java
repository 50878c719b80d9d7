package org.conference.meeting.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conference.meeting.rules.MeetingHarness.caller;
import static org.conference.meeting.rules.MeetingHarness.room;
import static org.conference.meeting.rules.Participant.HOST;
import static org.conference.meeting.rules.Participant.PARTICIPANT;

import org.conference.meeting.rules.MeetingInput.Dtmf;
import org.conference.meeting.rules.MeetingInput.Join;
import org.junit.jupiter.api.Test;

/** A redelivered input changes nothing: digit events by their id, joins by the call, ticks by the deadlines. */
class IdempotenceTest {

    @Test
    void theSameDigitEventTwiceIsAppliedOnce() {
        MeetingHarness meeting = new MeetingHarness();
        meeting.join(1, HOST);
        meeting.join(2, PARTICIPANT);

        Outcome first = meeting.write(new Dtmf(2, "*6", "event-1"));
        Conference after = meeting.meeting();
        Outcome again = meeting.write(new Dtmf(2, "*6", "event-1"));

        assertThat(first.instructions()).isNotEmpty();
        assertThat(again.instructions()).isEmpty();
        assertThat(again.happenings()).isEmpty();
        assertThat(again.conference()).isSameAs(after);
        assertThat(meeting.call(2).muteMode()).as("still muted, not toggled back").isEqualTo(36);
    }

    @Test
    void onlyTheLastAppliedInputIdsAreKept() {
        MeetingHarness meeting = new MeetingHarness();
        meeting.join(1, HOST);
        for (int i = 0; i < 100; i++) {
            meeting.write(new Dtmf(1, "5", "event-" + i));
        }

        assertThat(meeting.meeting().appliedInputs()).hasSize(Conference.APPLIED_INPUTS_KEPT)
                .endsWith("event-99").doesNotContain("event-0");
    }

    @Test
    void digitsFromACallTheMeetingDoesNotHoldAreIgnored() {
        MeetingHarness meeting = new MeetingHarness();
        meeting.join(1, HOST);
        Conference before = meeting.meeting();

        Outcome stranger = meeting.write(new Dtmf(99, "*6", "event-x"));

        assertThat(stranger.conference()).isSameAs(before);
        assertThat(stranger.instructions()).isEmpty();
    }

    @Test
    void joiningTwiceInOneWriteOrAcrossWritesJoinsOnce() {
        MeetingHarness meeting = new MeetingHarness();
        Join join = new Join(caller(1, HOST), room(), 0);

        meeting.write(join, join);
        Conference once = meeting.meeting();
        Outcome again = meeting.write(join);

        assertThat(once.participants()).hasSize(1);
        assertThat(again.conference()).isSameAs(once);
        assertThat(again.instructions()).isEmpty();
    }
}
