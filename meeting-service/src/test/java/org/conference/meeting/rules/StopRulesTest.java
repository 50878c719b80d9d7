package org.conference.meeting.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conference.meeting.rules.MeetingHarness.commands;
import static org.conference.meeting.rules.MeetingHarness.types;
import static org.conference.meeting.rules.Participant.HOST;
import static org.conference.meeting.rules.Participant.LISTENER;
import static org.conference.meeting.rules.Participant.PARTICIPANT;

import java.time.Duration;

import org.conference.common.events.MeetingEvent;
import org.junit.jupiter.api.Test;

/** {@code conference_stop_how} and {@code conference_stop_wait}. */
class StopRulesTest {

    @Test
    void lastTheMeetingOutlivesItsHostAndEndsWithItsLastCaller() {
        MeetingHarness meeting = new MeetingHarness("conference_stop_how", "last");
        meeting.join(1, HOST);
        meeting.join(2, PARTICIPANT);

        Outcome hostLeft = meeting.leave(1);
        assertThat(types(hostLeft)).containsExactly(MeetingEvent.CALL_LEFT);
        assertThat(hostLeft.conference()).isNotNull();

        Outcome lastLeft = meeting.leave(2);
        assertThat(types(lastLeft)).containsExactly(MeetingEvent.CALL_LEFT, MeetingEvent.MEETING_ENDED);
        assertThat(lastLeft.conference()).isNull();
    }

    @Test
    void moderatorWithNoWaitTheLastHostLeavingEndsTheMeetingForEveryone() {
        MeetingHarness meeting = new MeetingHarness("conference_stop_how", "moderator", "conference_stop_wait", "0");
        meeting.join(1, HOST);
        meeting.join(2, PARTICIPANT);
        meeting.join(3, LISTENER);

        Outcome ended = meeting.leave(1);

        assertThat(commands(ended)).containsExactly("edge-2 play meeting-ended", "edge-2 hangup",
                "edge-3 play meeting-ended", "edge-3 hangup");
        assertThat(types(ended)).containsExactly(MeetingEvent.CALL_LEFT, MeetingEvent.CALL_LEFT,
                MeetingEvent.CALL_LEFT, MeetingEvent.MEETING_ENDED);
        assertThat(ended.conference()).isNull();
    }

    @Test
    void moderatorAHostWhoComesBackWithinTheWaitKeepsTheMeetingAlive() {
        MeetingHarness meeting = new MeetingHarness("conference_stop_how", "moderator", "conference_stop_wait", "60");
        meeting.join(1, HOST);
        meeting.join(2, PARTICIPANT);

        meeting.leave(1);
        assertThat(meeting.meeting().deadlines()).containsEntry("stop-wait", meeting.now() + 60_000);
        meeting.after(Duration.ofSeconds(30)).join(3, HOST);
        assertThat(meeting.meeting().deadlines()).doesNotContainKey("stop-wait");

        assertThat(meeting.after(Duration.ofSeconds(60)).tick().happenings()).isEmpty();
        assertThat(meeting.meeting().participants()).hasSize(2);
    }

    @Test
    void moderatorWhenTheWaitRunsOutEveryoneIsHungUpAndTheMeetingEndsOnce() {
        MeetingHarness meeting = new MeetingHarness("conference_stop_how", "moderator", "conference_stop_wait", "60");
        meeting.join(1, HOST);
        meeting.join(2, PARTICIPANT);
        meeting.join(3, HOST);
        meeting.leave(1);
        assertThat(meeting.meeting().deadlines()).as("a host is still in").doesNotContainKey("stop-wait");
        meeting.leave(3);

        Outcome ended = meeting.after(Duration.ofSeconds(60)).tick();

        assertThat(commands(ended)).containsExactly("edge-2 play meeting-ended", "edge-2 hangup");
        assertThat(types(ended)).containsExactly(MeetingEvent.CALL_LEFT, MeetingEvent.MEETING_ENDED);
        assertThat(ended.conference()).isNull();
        assertThat(meeting.tick().happenings()).as("a second tick finds no meeting").isEmpty();
    }

    @Test
    void moderatorAMeetingThatNeverHadAHostEndsWithItsLastCaller() {
        MeetingHarness meeting = new MeetingHarness("conference_stop_how", "moderator");
        meeting.join(1, PARTICIPANT);
        meeting.join(2, PARTICIPANT);

        assertThat(types(meeting.leave(1))).containsExactly(MeetingEvent.CALL_LEFT);
        assertThat(types(meeting.leave(2))).containsExactly(MeetingEvent.CALL_LEFT, MeetingEvent.MEETING_ENDED);
    }
}
