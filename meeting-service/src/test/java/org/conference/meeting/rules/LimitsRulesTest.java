package org.conference.meeting.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conference.meeting.rules.MeetingHarness.commands;
import static org.conference.meeting.rules.MeetingHarness.types;
import static org.conference.meeting.rules.Participant.HOST;
import static org.conference.meeting.rules.Participant.LISTENER;
import static org.conference.meeting.rules.Participant.PARTICIPANT;

import java.time.Duration;

import org.conference.common.events.MeetingEvent;
import org.conference.meeting.rules.Outcome.Refusal;
import org.junit.jupiter.api.Test;

/** {@code conference_maxcalls}, {@code conference_maxcallsperrole}, {@code call_maxduration}, {@code conference_maxduration}. */
class LimitsRulesTest {

    @Test
    void aCallerOverMaxCallsHearsWhyIsHungUpAndNeverEnters() {
        MeetingHarness meeting = new MeetingHarness("conference_maxcalls", "2");
        meeting.join(1, HOST);
        meeting.join(2, PARTICIPANT);
        Conference full = meeting.meeting();

        Outcome refused = meeting.join(3, PARTICIPANT);

        assertThat(commands(refused)).containsExactly("edge-3 play max-calls", "edge-3 hangup");
        assertThat(refused.refusals()).containsExactly(new Refusal(3, "max-calls"));
        assertThat(refused.happenings()).as("no call.created, no call.joined").isEmpty();
        assertThat(refused.projections()).singleElement().satisfies(projection -> {
            assertThat(projection.callId()).isEqualTo(3);
            assertThat(projection.participant()).as("its Call is gone").isNull();
        });
        assertThat(meeting.meeting().participants()).isEqualTo(full.participants());

        Outcome again = meeting.join(3, PARTICIPANT);
        assertThat(again.instructions()).as("a redelivered request for it changes nothing").isEmpty();
        assertThat(again.conference()).isSameAs(meeting.meeting());
    }

    @Test
    void callersWaitingForTheStartCountTowardsMaxCalls() {
        MeetingHarness meeting = new MeetingHarness("conference_maxcalls", "2", "conference_start_how",
                "moderator");
        meeting.join(1, PARTICIPANT);
        meeting.join(2, PARTICIPANT);

        assertThat(meeting.join(3, HOST).refusals()).containsExactly(new Refusal(3, "max-calls"));
        assertThat(meeting.meeting().waiting()).hasSize(2);
    }

    @Test
    void maxCallsOfZeroOrLessIsUnlimited() {
        for (String unlimited : new String[] {"0", "-1"}) {
            MeetingHarness meeting = new MeetingHarness("conference_maxcalls", unlimited);
            for (long id = 1; id <= 5; id++) {
                assertThat(meeting.join(id, PARTICIPANT).refusals()).isEmpty();
            }
            assertThat(meeting.meeting().participants()).hasSize(5);
        }
    }

    @Test
    void maxCallsPerRoleCapsEachRoleNegativeUnlimitedZeroNone() {
        MeetingHarness meeting = new MeetingHarness("conference_maxcallsperrole", "1:-1:0");
        meeting.join(1, HOST);

        assertThat(meeting.join(2, HOST).refusals()).containsExactly(new Refusal(2, "max-calls-role"));
        assertThat(commands(meeting.join(3, LISTENER))).containsExactly("edge-3 play max-calls", "edge-3 hangup");
        for (long id = 10; id < 15; id++) {
            assertThat(meeting.join(id, PARTICIPANT).refusals()).isEmpty();
        }
        assertThat(meeting.meeting().count(HOST)).isEqualTo(1);
        assertThat(meeting.meeting().count(LISTENER)).isZero();
        assertThat(meeting.meeting().count(PARTICIPANT)).isEqualTo(5);
    }

    @Test
    void aCallIsHungUpWhenItsMaxDurationIsUp() {
        MeetingHarness meeting = new MeetingHarness("call_maxduration", "60");
        meeting.join(1, HOST);
        meeting.after(Duration.ofSeconds(10)).join(2, PARTICIPANT);
        assertThat(meeting.meeting().deadlines()).as("the first call due").containsEntry("call-max",
                meeting.now() - 10_000 + 60_000);

        Outcome first = meeting.after(Duration.ofSeconds(50)).tick();

        assertThat(commands(first)).containsExactly("edge-1 play max-duration", "edge-1 hangup",
                "edge-2 play exit-tone");
        assertThat(types(first)).containsExactly(MeetingEvent.CALL_LEFT);
        assertThat(meeting.meeting().participants()).extracting(Participant::callId).containsExactly(2L);

        meeting.leave(2);
        assertThat(meeting.meeting()).isNull();
    }

    @Test
    void whenTheFirstCallDueLeftEarlyTheDeadlineHangsUpNobodyAndMovesOn() {
        MeetingHarness meeting = new MeetingHarness("call_maxduration", "60");
        meeting.join(1, HOST);
        meeting.after(Duration.ofSeconds(20)).join(2, PARTICIPANT);
        meeting.leave(1);

        Outcome nobodyDue = meeting.after(Duration.ofSeconds(40)).tick();

        assertThat(nobodyDue.instructions()).isEmpty();
        assertThat(meeting.meeting().deadlines()).containsEntry("call-max", meeting.now() + 20_000);
        assertThat(commands(meeting.after(Duration.ofSeconds(20)).tick()))
                .containsExactly("edge-2 play max-duration", "edge-2 hangup");
    }

    @Test
    void callMaxDurationSetOnTheLiveMeetingCountsForEveryCallFromItsJoin() {
        MeetingHarness meeting = new MeetingHarness("call_maxduration", "0");
        meeting.join(1, HOST);
        long joined = meeting.now();
        assertThat(meeting.meeting().deadlines()).doesNotContainKey("call-max");

        meeting.after(Duration.ofSeconds(100)).write(new MeetingInput.SetAttribute("call_maxduration", "300"));

        assertThat(meeting.meeting().deadlines()).containsEntry("call-max", joined + 300_000);
    }

    @Test
    void maxDurationZeroOrLessIsUnlimited() {
        MeetingHarness meeting = new MeetingHarness("call_maxduration", "0", "conference_maxduration", "-1");
        meeting.join(1, HOST);

        assertThat(meeting.meeting().deadlines()).isEmpty();
    }

    @Test
    void theMeetingEndsWhenItsMaxDurationIsUpEveryoneHearingWhyFirst() {
        MeetingHarness meeting = new MeetingHarness("conference_maxduration", "120", "call_maxduration", "0");
        meeting.join(1, HOST);
        meeting.after(Duration.ofSeconds(30)).join(2, PARTICIPANT);
        assertThat(meeting.meeting().deadlines()).as("counted from the start")
                .containsEntry("meeting-max", meeting.now() - 30_000 + 120_000);

        Outcome ended = meeting.after(Duration.ofSeconds(90)).tick();

        assertThat(commands(ended)).containsExactly("edge-1 play meeting-ended", "edge-1 hangup",
                "edge-2 play meeting-ended", "edge-2 hangup");
        assertThat(types(ended)).containsExactly(MeetingEvent.CALL_LEFT, MeetingEvent.CALL_LEFT,
                MeetingEvent.MEETING_ENDED);
        assertThat(ended.conference()).isNull();
    }

    @Test
    void maxDurationSetOnTheLiveMeetingCountsFromTheStart() {
        MeetingHarness meeting = new MeetingHarness("call_maxduration", "0");
        meeting.join(1, HOST);
        long started = meeting.meeting().startedAt();

        meeting.after(Duration.ofSeconds(100)).write(new MeetingInput.SetAttribute("conference_maxduration", "300"));
        assertThat(meeting.meeting().deadlines()).containsEntry("meeting-max", started + 300_000);

        meeting.write(new MeetingInput.SetAttribute("conference_maxduration", "-1"));
        assertThat(meeting.meeting().deadlines()).doesNotContainKey("meeting-max");
    }
}
