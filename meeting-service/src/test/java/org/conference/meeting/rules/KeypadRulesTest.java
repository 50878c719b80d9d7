package org.conference.meeting.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conference.meeting.rules.MeetingHarness.commands;
import static org.conference.meeting.rules.MeetingHarness.commandsTo;
import static org.conference.meeting.rules.MeetingHarness.types;
import static org.conference.meeting.rules.Participant.HOST;
import static org.conference.meeting.rules.Participant.LISTENER;
import static org.conference.meeting.rules.Participant.PARTICIPANT;

import org.conference.common.events.MeetingEvent;
import org.conference.meeting.rules.MeetingInput.SetAttribute;
import org.junit.jupiter.api.Test;

/** In-meeting DTMF: every binding of the catalog, its role letters, digit collection and the prefix timeout. */
class KeypadRulesTest {

    /** A meeting of the CONF defaults without the tones and counts that would crowd every outcome. */
    private static MeetingHarness quietMeeting(String... settings) {
        String[] quiet = {"conference_entrytones", "off", "conference_exittones", "off",
                "call_announceparticipantcount", ""};
        String[] all = new String[quiet.length + settings.length];
        System.arraycopy(quiet, 0, all, 0, quiet.length);
        System.arraycopy(settings, 0, all, quiet.length, settings.length);
        MeetingHarness meeting = new MeetingHarness(all);
        meeting.join(1, HOST);
        meeting.join(2, PARTICIPANT);
        meeting.join(3, LISTENER);
        return meeting;
    }

    @Test
    void selfMuteTogglesTheCallersOwnMute() {
        MeetingHarness meeting = quietMeeting();

        Outcome muted = meeting.key(2, "*6");
        assertThat(commands(muted)).containsExactly("edge-2 mute", "edge-2 play muted");
        assertThat(types(muted)).containsExactly(MeetingEvent.CALL_UPDATED);
        assertThat(meeting.call(2).muteMode()).isEqualTo(36);

        Outcome unmuted = meeting.key(2, "*6");
        assertThat(commands(unmuted)).containsExactly("edge-2 unmute", "edge-2 play unmuted");
        assertThat(meeting.call(2).muteMode()).isZero();
    }

    @Test
    void aCallerTheMeetingMutedCannotUnmuteItself() {
        MeetingHarness meeting = quietMeeting("conference_mute_policy", "l");

        Outcome stillMuted = meeting.key(3, "*6");

        assertThat(commands(stillMuted)).containsExactly("edge-3 play muted");
        assertThat(meeting.call(3).muteMode()).isEqualTo(32);
        assertThat(stillMuted.happenings()).isEmpty();
    }

    @Test
    void muteOthersMutesParticipantsAndListenersAndLaterJoinersUntilKeyedAgain() {
        MeetingHarness meeting = quietMeeting();
        assertThat(meeting.key(2, "*7").instructions()).as("conference_mute_dtmf is h").isEmpty();

        Outcome muted = meeting.key(1, "*7");
        assertThat(commands(muted)).containsExactly("edge-2 mute", "edge-3 mute", "edge-1 play all-muted");
        assertThat(types(muted)).containsExactly(MeetingEvent.CALL_UPDATED, MeetingEvent.CALL_UPDATED);
        assertThat(meeting.call(1).muteMode()).isZero();
        assertThat(meeting.call(2).muteMode()).isEqualTo(40);
        assertThat(meeting.call(3).muteMode()).isEqualTo(32);
        meeting.join(4, PARTICIPANT);
        assertThat(meeting.call(4).muteMode()).isEqualTo(40);

        Outcome unmuted = meeting.key(1, "*7");
        assertThat(commands(unmuted)).containsExactly("edge-2 unmute", "edge-3 unmute", "edge-4 unmute",
                "edge-1 play all-unmuted");
        assertThat(meeting.meeting().participants()).allSatisfy(call -> assertThat(call.muteMode()).isZero());
    }

    @Test
    void lockTogglesTheLockForTheRolesAllowed() {
        MeetingHarness meeting = quietMeeting();
        assertThat(meeting.key(2, "*5").instructions()).isEmpty();

        Outcome locked = meeting.key(1, "*5");
        assertThat(commands(locked)).containsExactly("edge-1 play locked");
        assertThat(types(locked)).containsExactly(MeetingEvent.MEETING_UPDATED);
        assertThat(locked.happenings().get(0).meeting().secured()).isTrue();

        assertThat(commands(meeting.key(1, "*5"))).containsExactly("edge-1 play unlocked");
        assertThat(meeting.meeting().secured()).isFalse();
    }

    @Test
    void holdPutsParticipantsAndListenersOnHoldAndTheMeetingInState1() {
        MeetingHarness meeting = quietMeeting();

        Outcome held = meeting.key(1, "*1");
        assertThat(commands(held)).containsExactly("edge-2 hold", "edge-3 hold", "edge-1 play on-hold");
        assertThat(types(held)).containsExactly(MeetingEvent.CALL_UPDATED, MeetingEvent.CALL_UPDATED,
                MeetingEvent.MEETING_UPDATED);
        assertThat(meeting.meeting().state()).isEqualTo(Conference.ON_HOLD);
        assertThat(meeting.call(2).holdMode()).isEqualTo(40);
        meeting.join(4, PARTICIPANT);
        assertThat(meeting.call(4).holdMode()).as("joins a held meeting on hold").isEqualTo(40);

        Outcome released = meeting.key(1, "*1");
        assertThat(commands(released)).containsExactly("edge-2 unhold", "edge-3 unhold", "edge-4 unhold",
                "edge-1 play off-hold");
        assertThat(meeting.meeting().state()).isEqualTo(Conference.ACTIVE);
    }

    @Test
    void exitSaysGoodbyeAndHangsUp() {
        MeetingHarness meeting = quietMeeting();

        Outcome exit = meeting.key(3, "*9");

        assertThat(commands(exit)).containsExactly("edge-3 play goodbye", "edge-3 hangup");
        assertThat(types(exit)).containsExactly(MeetingEvent.CALL_LEFT);
        assertThat(meeting.meeting().holds(3)).isFalse();
    }

    @Test
    void participantCountHelpAndOperatorArePlayedToTheCaller() {
        MeetingHarness meeting = quietMeeting();

        assertThat(commands(meeting.key(3, "*#"))).containsExactly("edge-3 play count:3");
        assertThat(commands(meeting.key(3, "**"))).containsExactly("edge-3 play help");
        assertThat(commands(meeting.key(3, "*0"))).containsExactly("edge-3 play no-operator");
    }

    @Test
    void theTonesBindingCyclesEntryAndExitTones() {
        MeetingHarness meeting = new MeetingHarness();
        meeting.join(1, HOST);

        assertThat(commands(meeting.key(1, "*3"))).containsExactly("edge-1 play tones:on:off");
        assertThat(meeting.meeting().attribute("conference_exittones")).isEqualTo("off");
        assertThat(commands(meeting.key(1, "*3"))).containsExactly("edge-1 play tones:off:on");
        assertThat(commands(meeting.key(1, "*3"))).containsExactly("edge-1 play tones:off:off");
        Outcome back = meeting.key(1, "*3");
        assertThat(commands(back)).containsExactly("edge-1 play tones:on:on");
        assertThat(types(back)).containsExactly(MeetingEvent.MEETING_UPDATED);
        assertThat(meeting.meeting().changedAttributes()).extracting(setting -> setting.name() + "=" + setting.value())
                .containsExactlyInAnyOrder("conference_entrytones=on", "conference_exittones=on");
    }

    @Test
    void digitsOneAtATimeAreCollectedAcrossEvents() {
        MeetingHarness meeting = quietMeeting();

        assertThat(meeting.key(2, "*").instructions()).isEmpty();
        assertThat(meeting.meeting().keyed(2)).isEqualTo("*");
        assertThat(meeting.meeting().deadlines()).containsKey("dtmf:2");

        assertThat(commands(meeting.key(2, "6"))).containsExactly("edge-2 mute", "edge-2 play muted");
        assertThat(meeting.meeting().keyed(2)).isEmpty();
        assertThat(meeting.meeting().deadlines()).doesNotContainKey("dtmf:2");
    }

    @Test
    void digitsThatBeginNoBindingAreDroppedAndTheLatestDigitStartsAfresh() {
        MeetingHarness meeting = quietMeeting();

        Outcome nothing = meeting.key(2, "5");
        assertThat(nothing.instructions()).isEmpty();
        assertThat(meeting.meeting().keyed(2)).isEmpty();

        assertThat(commands(meeting.key(2, "9*6"))).containsExactly("edge-2 mute", "edge-2 play muted");
    }

    @Test
    void aSequenceThatMayGrowWaitsForThePrefixTimeoutThenFires() {
        MeetingHarness meeting = quietMeeting();
        meeting.key(1, "*4");
        assertThat(meeting.meeting().qaMode()).as("no session yet: *4 is whole at once").isEqualTo(1);

        Outcome waiting = meeting.key(1, "*4");
        assertThat(waiting.instructions()).as("*40 and *49 may follow").isEmpty();
        assertThat(meeting.meeting().deadlines()).containsEntry("dtmf:1", meeting.now() + 2_000);
        assertThat(meeting.after(java.time.Duration.ofMillis(1_999)).tick().instructions()).isEmpty();

        Outcome fired = meeting.after(java.time.Duration.ofMillis(1)).tick();
        assertThat(commands(fired)).as("nobody raised a hand").containsExactly("edge-1 play queue-cleared");
        assertThat(meeting.meeting().keyed(1)).isEmpty();
    }

    @Test
    void aBindingChangedOnTheLiveMeetingAppliesAtOnce() {
        MeetingHarness meeting = quietMeeting();
        meeting.write(new SetAttribute("call_mute_dtmf_binding", "#6"));

        assertThat(meeting.key(2, "*6").instructions()).isEmpty();
        assertThat(commandsTo(meeting.key(2, "#6"), 2)).containsExactly("mute", "play muted");
    }

    @Test
    void theRoleLettersOfABindingDecideWhoMayUseIt() {
        MeetingHarness meeting = quietMeeting("call_mute_dtmf", "h");

        assertThat(meeting.key(3, "*6").instructions()).isEmpty();
        assertThat(commands(meeting.key(1, "*6"))).containsExactly("edge-1 mute", "edge-1 play muted");
    }
}
