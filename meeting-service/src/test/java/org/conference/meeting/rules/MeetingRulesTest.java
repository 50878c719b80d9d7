package org.conference.meeting.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.conference.common.events.MeetingEvent;
import org.conference.common.events.TelephonyCommand;
import org.conference.meeting.rules.MeetingInput.Drop;
import org.conference.meeting.rules.MeetingInput.End;
import org.conference.meeting.rules.MeetingInput.Join;
import org.conference.meeting.rules.MeetingInput.Leave;
import org.conference.meeting.rules.MeetingInput.UpdateCall;
import org.conference.meeting.rules.Outcome.Happening;
import org.conference.meeting.rules.Outcome.Instruction;
import org.junit.jupiter.api.Test;

/** The meeting life cycle of issue 10 on the pure state machine: start on first join, end on last leave. */
class MeetingRulesTest {

    private static final RoomContext ROOM = new RoomContext(273751, "owner", List.of("root", "owner"), "John Smith",
            Map.of("conference_mute_policy", "l", "conference_distributed", "off"));

    private final MeetingRules rules = new MeetingRules(MeetingRules.DEFAULT_KEYPAD_TIMEOUT);

    static Participant caller(long id, int role) {
        return new Participant(id, "edge-" + id, 1000, new CallLine("+1516206531" + id, "15162065318", null, null,
                "PCMU", "node", "bridge"), role, "11" + role, 0, 0, 0, "", 0, 0, 0, 0);
    }

    private Outcome run(Conference start, MeetingInput... inputs) {
        Outcome.Builder effects = rules.begin(start);
        long nextId = 500;
        for (MeetingInput input : inputs) {
            boolean starts = rules.startsMeeting(effects.conference(), input);
            rules.apply(effects, input, 2000, starts ? nextId++ : 0);
        }
        return effects.build();
    }

    private static List<String> types(Outcome outcome) {
        return outcome.happenings().stream().map(Happening::type).toList();
    }

    @Test
    void theFirstCallerStartsTheMeetingAndJoinsIt() {
        Outcome outcome = run(null, new Join(caller(1, 2), ROOM, 1900));

        assertThat(types(outcome)).containsExactly(MeetingEvent.CALL_CREATED, MeetingEvent.MEETING_STARTED,
                MeetingEvent.CALL_JOINED);
        Conference meeting = outcome.conference();
        assertThat(meeting.meetingId()).isEqualTo(500);
        assertThat(meeting.meetingNumber()).isEqualTo(273751);
        assertThat(meeting.subscriberName()).isEqualTo("John Smith");
        assertThat(meeting.state()).isEqualTo(Conference.ACTIVE);
        assertThat(meeting.muteMode()).isEqualTo(32);
        assertThat(meeting.participants()).singleElement()
                .satisfies(p -> assertThat(p.joined()).isEqualTo(2000));
        assertThat(outcome.instructions())
                .containsExactly(new Instruction("edge-1", TelephonyCommand.JOIN, "273751"));
        assertThat(outcome.projections()).singleElement().satisfies(p -> assertThat(p.participant()).isNotNull());
        assertThat(outcome.happenings().get(0).meeting()).as("no meeting yet when the call was created").isNull();
    }

    @Test
    void joiningTwiceChangesNothing() {
        Conference live = run(null, new Join(caller(1, 2), ROOM, 0)).conference();

        Outcome again = run(live, new Join(caller(1, 2), ROOM, 0));

        assertThat(again.happenings()).isEmpty();
        assertThat(again.conference()).isSameAs(live);
    }

    @Test
    void theLastCallerLeavingEndsTheMeeting() {
        Conference live = run(null, new Join(caller(1, 1), ROOM, 0), new Join(caller(2, 3), ROOM, 0)).conference();
        assertThat(live.count(Participant.HOST)).isEqualTo(1);
        assertThat(live.count(Participant.LISTENER)).isEqualTo(1);

        Outcome first = run(live, new Leave(1));
        assertThat(types(first)).containsExactly(MeetingEvent.CALL_LEFT);
        assertThat(first.conference().participants()).extracting(Participant::callId).containsExactly(2L);

        Outcome last = run(first.conference(), new Leave(2));
        assertThat(types(last)).containsExactly(MeetingEvent.CALL_LEFT, MeetingEvent.MEETING_ENDED);
        assertThat(last.conference()).isNull();
        assertThat(last.happenings().get(1).meeting().participants()).as("the ended meeting, empty").isEmpty();
        assertThat(last.projections()).singleElement().satisfies(p -> assertThat(p.participant()).isNull());
    }

    @Test
    void leavingTwiceOrNeverHavingJoinedOnlyRemovesTheCall() {
        Outcome nobody = run(null, new Leave(9));
        assertThat(nobody.happenings()).isEmpty();
        assertThat(nobody.projections()).singleElement()
                .satisfies(p -> assertThat(p.callId()).isEqualTo(9));
    }

    @Test
    void droppingACallHangsItUpAtTheEdge() {
        Conference live = run(null, new Join(caller(1, 2), ROOM, 0), new Join(caller(2, 2), ROOM, 0)).conference();

        Outcome dropped = run(live, new Drop(2));

        assertThat(dropped.instructions()).containsExactly(new Instruction("edge-2", TelephonyCommand.HANGUP, null));
        assertThat(types(dropped)).containsExactly(MeetingEvent.CALL_LEFT);
    }

    @Test
    void endingTheMeetingHangsUpEveryoneAndEndsItOnce() {
        Conference live = run(null, new Join(caller(1, 1), ROOM, 0), new Join(caller(2, 2), ROOM, 0),
                new Join(caller(3, 3), ROOM, 0)).conference();

        Outcome ended = run(live, new End());

        assertThat(ended.instructions()).extracting(Instruction::type).containsOnly(TelephonyCommand.HANGUP)
                .hasSize(3);
        assertThat(types(ended)).containsExactly(MeetingEvent.CALL_LEFT, MeetingEvent.CALL_LEFT,
                MeetingEvent.CALL_LEFT, MeetingEvent.MEETING_ENDED);
        assertThat(ended.conference()).isNull();
    }

    @Test
    void mutingAndHoldingACallTellTheEdgeOnlyWhenTheyChange() {
        Conference live = run(null, new Join(caller(1, 2), ROOM, 0)).conference();
        CallChanges mute = new CallChanges("Bob", null, 40, 40, null, null, null, null, null, null, null, null, null,
                null);

        Outcome muted = run(live, new UpdateCall(1, mute));
        assertThat(muted.instructions()).extracting(Instruction::type)
                .containsExactly(TelephonyCommand.MUTE, TelephonyCommand.HOLD);
        assertThat(types(muted)).containsExactly(MeetingEvent.CALL_UPDATED);
        Participant after = muted.conference().participant(1).orElseThrow();
        assertThat(after.customName()).isEqualTo("Bob");
        assertThat(after.muteMode()).isEqualTo(40);

        Outcome again = run(muted.conference(), new UpdateCall(1, mute));
        assertThat(again.instructions()).isEmpty();
    }

    @Test
    void aMeetingCanStartAgainAfterItEnded() {
        Outcome outcome = run(null, new Join(caller(1, 2), ROOM, 0), new Leave(1), new Join(caller(2, 2), ROOM, 0));

        assertThat(types(outcome)).containsExactly(MeetingEvent.CALL_CREATED, MeetingEvent.MEETING_STARTED,
                MeetingEvent.CALL_JOINED, MeetingEvent.CALL_LEFT, MeetingEvent.MEETING_ENDED,
                MeetingEvent.CALL_CREATED, MeetingEvent.MEETING_STARTED, MeetingEvent.CALL_JOINED);
        assertThat(outcome.conference().meetingId()).as("a new meeting, a new id").isEqualTo(501);
    }

    @Test
    void initialModesFollowThePolicies() {
        assertThat(MeetingRules.initialMuteMode("")).isZero();
        assertThat(MeetingRules.initialMuteMode("l")).isEqualTo(32);
        assertThat(MeetingRules.initialMuteMode("pl")).isEqualTo(40);
        assertThat(MeetingRules.initialHoldMode("pl")).isEqualTo(40);
        assertThat(MeetingRules.initialHoldMode("l")).isZero();
    }
}
