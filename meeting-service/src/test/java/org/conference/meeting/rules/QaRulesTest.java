package org.conference.meeting.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conference.meeting.rules.MeetingHarness.commands;
import static org.conference.meeting.rules.MeetingHarness.commandsTo;
import static org.conference.meeting.rules.MeetingHarness.types;
import static org.conference.meeting.rules.Participant.HOST;
import static org.conference.meeting.rules.Participant.LISTENER;
import static org.conference.meeting.rules.Participant.PARTICIPANT;

import org.conference.common.events.MeetingEvent;
import org.junit.jupiter.api.Test;

/** Q&A: {@code conference_qa_dtmf}, {@code conference_qa_policy}, the queue of raised hands, the floor. */
class QaRulesTest {

    /** Host 1, participants 2 and 3, listener 4 (muted by policy); no tones or counts. */
    private static MeetingHarness meeting() {
        MeetingHarness meeting = new MeetingHarness("conference_entrytones", "off", "conference_exittones", "off",
                "call_announceparticipantcount", "", "conference_mute_policy", "l");
        meeting.join(1, HOST);
        meeting.join(2, PARTICIPANT);
        meeting.join(3, PARTICIPANT);
        meeting.join(4, LISTENER);
        return meeting;
    }

    /** The host's {@code *4} during a session may become {@code *40}/{@code *49}: it fires on the timeout. */
    private static Outcome hostNext(MeetingHarness meeting) {
        meeting.key(1, "*4");
        return meeting.after(MeetingHarness.KEYPAD_TIMEOUT).tick();
    }

    @Test
    void aHostOpensASessionAndTheAudienceIsSilenced() {
        MeetingHarness meeting = meeting();
        assertThat(meeting.key(2, "*4").instructions()).as("no session: a participant's *4 is nothing").isEmpty();

        Outcome opened = meeting.key(1, "*4");

        assertThat(meeting.meeting().qaMode()).isEqualTo(1);
        assertThat(meeting.call(2).muteMode()).isEqualTo(40);
        assertThat(meeting.call(2).qaMode()).isEqualTo(1);
        assertThat(meeting.call(4).muteMode()).isEqualTo(32);
        assertThat(meeting.call(1).muteMode()).isZero();
        assertThat(meeting.call(1).qaMode()).isZero();
        assertThat(commandsTo(opened, 2)).containsExactly("mute", "play qa-started");
        assertThat(commandsTo(opened, 4)).as("already muted").containsExactly("play qa-started");
        assertThat(types(opened)).containsExactly(MeetingEvent.CALL_UPDATED, MeetingEvent.CALL_UPDATED,
                MeetingEvent.CALL_UPDATED, MeetingEvent.MEETING_UPDATED);
    }

    @Test
    void handsAreRaisedInOrderAndLoweredAgain() {
        MeetingHarness meeting = meeting();
        meeting.key(1, "*4");

        assertThat(commands(meeting.key(3, "*4"))).containsExactly("edge-3 play hand-raised");
        assertThat(commands(meeting.key(2, "*4"))).containsExactly("edge-2 play hand-raised");
        assertThat(commands(meeting.key(4, "*4"))).containsExactly("edge-4 play hand-raised");
        assertThat(meeting.meeting().qa().hands()).containsExactly(3L, 2L, 4L);

        assertThat(commands(meeting.key(2, "*4"))).containsExactly("edge-2 play hand-lowered");
        assertThat(meeting.meeting().qa().hands()).containsExactly(3L, 4L);
    }

    @Test
    void theHostBringsInTheNextRaisedHandAndMutesThePreviousSpeakerAgain() {
        MeetingHarness meeting = meeting();
        meeting.key(1, "*4");
        meeting.key(3, "*4");
        meeting.key(4, "*4");

        Outcome first = hostNext(meeting);
        assertThat(commandsTo(first, 3)).containsExactly("unmute", "play your-turn");
        assertThat(meeting.call(3).muteMode()).isZero();
        assertThat(meeting.call(3).qaMode()).isEqualTo(2);
        assertThat(meeting.meeting().qaMode()).isEqualTo(2);
        assertThat(types(first)).containsExactly(MeetingEvent.CALL_UPDATED, MeetingEvent.MEETING_UPDATED);

        Outcome second = hostNext(meeting);
        assertThat(commandsTo(second, 3)).containsExactly("mute");
        assertThat(meeting.call(3).qaMode()).isEqualTo(1);
        assertThat(commandsTo(second, 4)).containsExactly("unmute", "play your-turn");
        assertThat(meeting.call(4).muteMode()).isZero();
        assertThat(meeting.meeting().qa().hands()).isEmpty();
    }

    @Test
    void theSpeakerGivesTheFloorBackWithTheSameBinding() {
        MeetingHarness meeting = meeting();
        meeting.key(1, "*4");
        meeting.key(2, "*4");
        hostNext(meeting);

        Outcome back = meeting.key(2, "*4");

        assertThat(commandsTo(back, 2)).containsExactly("mute", "play hand-lowered");
        assertThat(meeting.meeting().qaMode()).isEqualTo(1);
    }

    @Test
    void clearingTheQueueLowersEveryHandAndShowsQaMode4ThenBackTo1() {
        MeetingHarness meeting = meeting();
        meeting.key(1, "*4");
        meeting.key(2, "*4");
        meeting.key(3, "*4");
        hostNext(meeting);

        Outcome cleared = meeting.key(1, "*40");

        assertThat(commands(cleared)).containsExactly("edge-2 mute", "edge-3 play queue-cleared",
                "edge-1 play queue-cleared");
        assertThat(cleared.happenings()).filteredOn(h -> h.type().equals(MeetingEvent.MEETING_UPDATED))
                .extracting(h -> h.meeting().qaMode()).containsExactly(4, 1);
        assertThat(meeting.meeting().qa().hands()).isEmpty();
        assertThat(meeting.meeting().qa().speaker()).isZero();
    }

    @Test
    void closingTheSessionGivesEveryoneBackTheMuteTheyHadBefore() {
        MeetingHarness meeting = meeting();
        meeting.key(3, "*6");
        meeting.key(1, "*4");
        meeting.key(2, "*4");
        hostNext(meeting);

        Outcome closed = meeting.key(1, "*49");

        assertThat(meeting.meeting().qaMode()).isZero();
        assertThat(meeting.meeting().participants()).allSatisfy(call -> assertThat(call.qaMode()).isZero());
        assertThat(meeting.call(2).muteMode()).as("was unmuted").isZero();
        assertThat(meeting.call(3).muteMode()).as("had muted itself").isEqualTo(36);
        assertThat(meeting.call(4).muteMode()).as("muted by the policy").isEqualTo(32);
        assertThat(commandsTo(closed, 1)).containsExactly("play qa-ended");
        assertThat(types(closed)).endsWith(MeetingEvent.MEETING_UPDATED);
    }

    @Test
    void aCallerWhoJoinsDuringASessionJoinsSilencedAndGetsItsMuteBackAfter() {
        MeetingHarness meeting = meeting();
        meeting.key(1, "*4");

        meeting.join(5, PARTICIPANT);
        assertThat(meeting.call(5).muteMode()).isEqualTo(40);
        assertThat(meeting.call(5).qaMode()).isEqualTo(1);

        meeting.key(1, "*49");
        assertThat(meeting.call(5).muteMode()).isZero();
    }

    @Test
    void aSpeakerWhoHangsUpLeavesTheFloorFree() {
        MeetingHarness meeting = meeting();
        meeting.key(1, "*4");
        meeting.key(2, "*4");
        hostNext(meeting);

        Outcome left = meeting.leave(2);

        assertThat(meeting.meeting().qaMode()).isEqualTo(1);
        assertThat(meeting.meeting().qa().speaker()).isZero();
        assertThat(types(left)).containsExactly(MeetingEvent.CALL_LEFT, MeetingEvent.MEETING_UPDATED);
        assertThat(meeting.meeting().qa().mutesBefore()).doesNotContainKey("2");
    }

    @Test
    void aHandRaisedByACallerThatLeftIsSkipped() {
        MeetingHarness meeting = meeting();
        meeting.key(1, "*4");
        meeting.key(2, "*4");
        meeting.key(3, "*4");
        meeting.leave(2);

        hostNext(meeting);

        assertThat(meeting.meeting().qa().speaker()).isEqualTo(3);
        assertThat(meeting.meeting().qa().hands()).isEmpty();
        assertThat(meeting.meeting().qaMode()).isEqualTo(2);
    }
}
