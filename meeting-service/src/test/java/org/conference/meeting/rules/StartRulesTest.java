package org.conference.meeting.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conference.meeting.rules.MeetingHarness.commands;
import static org.conference.meeting.rules.MeetingHarness.commandsTo;
import static org.conference.meeting.rules.MeetingHarness.types;
import static org.conference.meeting.rules.Participant.HOST;
import static org.conference.meeting.rules.Participant.PARTICIPANT;

import java.time.Duration;

import org.conference.common.events.MeetingEvent;
import org.conference.meeting.rules.MeetingInput.SetAttribute;
import org.conference.meeting.rules.Outcome.Refusal;
import org.junit.jupiter.api.Test;

/** {@code conference_start_how} and {@code conference_start_wait}. */
class StartRulesTest {

    @Test
    void firstTheFirstCallerStartsTheMeeting() {
        MeetingHarness meeting = new MeetingHarness();

        Outcome first = meeting.join(1, PARTICIPANT);

        assertThat(types(first)).containsExactly(MeetingEvent.CALL_CREATED, MeetingEvent.MEETING_STARTED,
                MeetingEvent.CALL_JOINED);
        assertThat(commands(first)).containsExactly("edge-1 join 273751", "edge-1 play count:1");
        assertThat(meeting.meeting().state()).isEqualTo(Conference.ACTIVE);
        assertThat(meeting.meeting().startedAt()).isEqualTo(meeting.now());
    }

    @Test
    void moderatorCallersBeforeTheHostWaitOnHoldAndTheHostBringsThemInInArrivalOrder() {
        MeetingHarness meeting = new MeetingHarness("conference_start_how", "moderator");

        Outcome early = meeting.join(1, PARTICIPANT);
        assertThat(types(early)).containsExactly(MeetingEvent.CALL_CREATED);
        assertThat(commands(early)).containsExactly("edge-1 hold", "edge-1 play waiting-for-host");
        Conference waiting = meeting.meeting();
        assertThat(waiting.state()).as("not started yet").isEqualTo(Conference.NOT_STARTED);
        assertThat(waiting.participants()).as("not a participant").isEmpty();
        assertThat(waiting.waiting()).extracting(Participant::callId).containsExactly(1L);
        assertThat(early.projections()).singleElement().satisfies(projection -> {
            assertThat(projection.participant().holdMode()).isEqualTo(40);
            assertThat(projection.participant().hasJoined()).isFalse();
        });
        meeting.join(2, PARTICIPANT);

        Outcome host = meeting.join(3, HOST);

        assertThat(types(host)).containsExactly(MeetingEvent.CALL_CREATED, MeetingEvent.MEETING_STARTED,
                MeetingEvent.CALL_JOINED, MeetingEvent.CALL_JOINED, MeetingEvent.CALL_JOINED);
        assertThat(host.happenings()).filteredOn(h -> h.type().equals(MeetingEvent.CALL_JOINED))
                .extracting(h -> h.call().callId()).containsExactly(1L, 2L, 3L);
        assertThat(commandsTo(host, 1)).startsWith("join 273751", "unhold");
        assertThat(commandsTo(host, 2)).startsWith("join 273751", "unhold");
        assertThat(commandsTo(host, 3)).startsWith("join 273751").doesNotContain("unhold");
        assertThat(meeting.meeting().waiting()).isEmpty();
        assertThat(meeting.meeting().participants()).allSatisfy(call -> {
            assertThat(call.holdMode()).isZero();
            assertThat(call.hasJoined()).isTrue();
        });
        assertThat(meeting.meeting().state()).isEqualTo(Conference.ACTIVE);
    }

    @Test
    void aHostArrivingInTimeCancelsTheStartWait() {
        MeetingHarness meeting = new MeetingHarness("conference_start_how", "moderator", "conference_start_wait",
                "30");
        meeting.join(1, PARTICIPANT);
        assertThat(meeting.meeting().deadlines()).containsEntry("start-wait", meeting.now() + 30_000);

        meeting.after(Duration.ofSeconds(10)).join(2, HOST);

        assertThat(meeting.meeting().deadlines()).doesNotContainKey("start-wait");
    }

    @Test
    void theStartWaitReleasesEveryWaitingCallerAndTheNeverStartedMeetingDisappears() {
        MeetingHarness meeting = new MeetingHarness("conference_start_how", "moderator", "conference_start_wait",
                "30");
        meeting.join(1, PARTICIPANT);
        meeting.after(Duration.ofSeconds(5)).join(2, PARTICIPANT);
        Conference before = meeting.meeting();
        assertThat(meeting.after(Duration.ofSeconds(24)).tick().conference()).as("not due yet").isSameAs(before);

        Outcome released = meeting.after(Duration.ofSeconds(1)).tick();

        assertThat(commands(released)).containsExactly("edge-1 play start-timeout", "edge-1 hangup",
                "edge-2 play start-timeout", "edge-2 hangup");
        assertThat(released.refusals()).containsExactly(new Refusal(1, "start-wait"), new Refusal(2, "start-wait"));
        assertThat(types(released)).containsExactly(MeetingEvent.CALL_LEFT, MeetingEvent.CALL_LEFT);
        assertThat(released.conference()).isNull();
    }

    @Test
    void explicitEveryoneWaitsHostsTooUntilAHostKeysTheHoldBinding() {
        MeetingHarness meeting = new MeetingHarness("conference_start_how", "explicit");
        meeting.join(1, HOST);
        meeting.join(2, PARTICIPANT);
        assertThat(meeting.meeting().waiting()).hasSize(2);
        assertThat(meeting.key(2, "*1").instructions()).as("a participant may not start it").isEmpty();
        assertThat(meeting.meeting().started()).isFalse();

        Outcome started = meeting.key(1, "*1");

        assertThat(types(started)).containsExactly(MeetingEvent.MEETING_STARTED, MeetingEvent.CALL_JOINED,
                MeetingEvent.CALL_JOINED);
        assertThat(meeting.meeting().participants()).extracting(Participant::callId).containsExactly(1L, 2L);
        assertThat(meeting.meeting().state()).isEqualTo(Conference.ACTIVE);
    }

    @Test
    void explicitTheApiStartsTheMeetingBySettingStartHowToFirst() {
        MeetingHarness meeting = new MeetingHarness("conference_start_how", "explicit");
        meeting.join(1, PARTICIPANT);

        Outcome started = meeting.write(new SetAttribute("conference_start_how", "first"));

        assertThat(types(started)).containsExactly(MeetingEvent.MEETING_STARTED, MeetingEvent.CALL_JOINED,
                MeetingEvent.MEETING_UPDATED);
        assertThat(commandsTo(started, 1)).startsWith("join 273751", "unhold");
        assertThat(meeting.meeting().participants()).extracting(Participant::callId).containsExactly(1L);
    }

    @Test
    void aWaitingCallerWhoHangsUpLeavesAndTheLastOneTakesTheMeetingWithIt() {
        MeetingHarness meeting = new MeetingHarness("conference_start_how", "moderator");
        meeting.join(1, PARTICIPANT);

        Outcome gone = meeting.leave(1);

        assertThat(types(gone)).as("no meeting.ended: it never started").containsExactly(MeetingEvent.CALL_LEFT);
        assertThat(gone.conference()).isNull();
    }
}
