package org.conference.meeting.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conference.meeting.rules.MeetingHarness.caller;
import static org.conference.meeting.rules.MeetingHarness.commands;
import static org.conference.meeting.rules.MeetingHarness.commandsTo;
import static org.conference.meeting.rules.MeetingHarness.room;
import static org.conference.meeting.rules.MeetingHarness.types;
import static org.conference.meeting.rules.Participant.HOST;
import static org.conference.meeting.rules.Participant.LISTENER;
import static org.conference.meeting.rules.Participant.PARTICIPANT;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.conference.common.events.MeetingEvent;
import org.conference.meeting.rules.MeetingInput.Join;
import org.conference.meeting.rules.MeetingInput.Leave;
import org.conference.meeting.rules.MeetingInput.SetAttribute;
import org.conference.meeting.rules.Outcome.Refusal;
import org.junit.jupiter.api.Test;

/** Entry: mute and hold policies, the lock, entry and exit tones, the participant count on entry. */
class EntryRulesTest {

    @Test
    void theMutePolicyMutesItsRolesOnEntryWithTheReferencesMuteModes() {
        MeetingHarness meeting = new MeetingHarness("conference_mute_policy", "pl");
        meeting.join(1, HOST);

        Outcome participant = meeting.join(2, PARTICIPANT);
        Outcome listener = meeting.join(3, LISTENER);

        assertThat(commandsTo(participant, 2)).startsWith("join 273751", "mute");
        assertThat(participant.happenings()).filteredOn(h -> h.type().equals(MeetingEvent.CALL_JOINED))
                .singleElement().satisfies(joined -> assertThat(joined.call().muteMode()).isEqualTo(40));
        assertThat(commandsTo(listener, 3)).startsWith("join 273751", "mute");
        assertThat(meeting.call(1).muteMode()).isZero();
        assertThat(meeting.call(2).muteMode()).isEqualTo(40);
        assertThat(meeting.call(3).muteMode()).isEqualTo(32);
        assertThat(meeting.meeting().muteMode()).as("the Meeting's initial mute mode").isEqualTo(40);
    }

    @Test
    void theHoldPolicyHoldsItsRolesOnEntry() {
        MeetingHarness meeting = new MeetingHarness("conference_hold_policy", "l");
        meeting.join(1, HOST);

        Outcome listener = meeting.join(2, LISTENER);

        assertThat(commandsTo(listener, 2)).startsWith("join 273751", "hold");
        assertThat(meeting.call(2).holdMode()).isEqualTo(40);
        assertThat(commandsTo(listener, 1)).as("nobody new to hear in the mix").isEmpty();
    }

    @Test
    void aPolicySetOnTheLiveMeetingAppliesToLaterJoinersOnly() {
        MeetingHarness meeting = new MeetingHarness();
        meeting.join(1, HOST);
        meeting.join(2, PARTICIPANT);

        Outcome set = meeting.write(new SetAttribute("conference_mute_policy", "p"));
        meeting.join(3, PARTICIPANT);

        assertThat(types(set)).containsExactly(MeetingEvent.MEETING_UPDATED);
        assertThat(meeting.call(2).muteMode()).isZero();
        assertThat(meeting.call(3).muteMode()).isEqualTo(40);
        assertThat(meeting.meeting().muteMode()).as("the Meeting's muteMode is the initial one").isZero();
    }

    @Test
    void aLockedMeetingRefusesEveryoneButHosts() {
        MeetingHarness meeting = new MeetingHarness();
        meeting.join(1, HOST);
        meeting.write(new SetAttribute("conf_locked", "on"));
        assertThat(meeting.meeting().secured()).isTrue();
        assertThat(meeting.meeting().attributes()).as("state, not an attribute").doesNotContainKey("conf_locked");

        Outcome participant = meeting.join(2, PARTICIPANT);
        Outcome host = meeting.join(3, HOST);

        assertThat(commands(participant)).containsExactly("edge-2 play locked", "edge-2 hangup");
        assertThat(participant.refusals()).containsExactly(new Refusal(2, "locked"));
        assertThat(host.refusals()).isEmpty();
        assertThat(meeting.meeting().participants()).extracting(Participant::callId).containsExactly(1L, 3L);

        meeting.write(new SetAttribute("conf_locked", "off"));
        assertThat(meeting.join(4, PARTICIPANT).refusals()).isEmpty();
    }

    @Test
    void entryTonesAreCoalescedToOnePerListenerPerWrite() {
        MeetingHarness meeting = new MeetingHarness("call_announceparticipantcount", "");
        meeting.join(1, HOST);
        meeting.join(2, PARTICIPANT);

        Outcome three = meeting.after(Duration.ofSeconds(1)).write(join(3), join(4), join(5));

        assertThat(commandsTo(three, 1)).containsExactly("play entry-tone");
        assertThat(commandsTo(three, 2)).containsExactly("play entry-tone");
        assertThat(commandsTo(three, 3)).as("4 and 5 joined after it").containsExactly("join 273751",
                "play entry-tone");
        assertThat(commandsTo(three, 5)).as("nobody joined after it").containsExactly("join 273751");
    }

    @Test
    void aStormOfJoinsInOneWriteCostsAConstantNumberOfCommandsPerJoiner() {
        MeetingHarness meeting = new MeetingHarness();
        meeting.join(1, HOST);
        List<MeetingInput> storm = new ArrayList<>();
        for (long id = 100; id < 600; id++) {
            storm.add(join(id));
        }

        Outcome joined = meeting.after(Duration.ofSeconds(1)).write(storm.toArray(MeetingInput[]::new));

        assertThat(meeting.meeting().participants()).hasSize(501);
        // join + one coalesced entry tone + the count, per joiner; one tone for the host
        assertThat(joined.instructions()).hasSize(500 * 3 - 1 + 1);
        assertThat(commandsTo(joined, 599)).containsExactly("join 273751", "play count:501");
    }

    @Test
    void theMeetingPlaysEachKindOfToneAtMostOnceASecond() {
        MeetingHarness meeting = new MeetingHarness("call_announceparticipantcount", "");
        meeting.join(1, HOST);
        assertThat(commandsTo(meeting.join(2, PARTICIPANT), 1)).containsExactly("play entry-tone");

        assertThat(commandsTo(meeting.after(Duration.ofMillis(999)).join(3, PARTICIPANT), 1))
                .as("within the second after the last tone").isEmpty();
        assertThat(commandsTo(meeting.after(Duration.ofMillis(1)).join(4, PARTICIPANT), 1))
                .containsExactly("play entry-tone");
        assertThat(commandsTo(meeting.leave(4), 1)).as("exit tones keep their own second")
                .containsExactly("play exit-tone");
    }

    @Test
    void aStormSpreadOverManyWritesStillSendsAboutOneToneBroadcastPerSecond() {
        MeetingHarness meeting = new MeetingHarness("call_announceparticipantcount", "");
        meeting.join(1, HOST);
        long tones = 0;
        for (long id = 100; id < 600; id++) {
            Outcome one = meeting.after(Duration.ofMillis(10)).join(id, PARTICIPANT);
            tones += commands(one).stream().filter(command -> command.endsWith("play entry-tone")).count();
        }

        // 500 joins over 5 s: 5 broadcasts to at most 500 calls, instead of one per join to everyone (125,000)
        assertThat(tones).isPositive().isLessThanOrEqualTo(5 * 500);
    }

    @Test
    void exitTonesAreHeardByTheCallsStillInTheMixNotByThoseOnHold() {
        MeetingHarness meeting = new MeetingHarness("conference_hold_policy", "l");
        meeting.join(1, HOST);
        meeting.join(2, PARTICIPANT);
        meeting.join(3, LISTENER);
        meeting.join(4, PARTICIPANT);

        Outcome left = meeting.write(new Leave(4), new Leave(2));

        assertThat(commands(left)).containsExactly("edge-1 play exit-tone");
    }

    @Test
    void tonesSwitchedOffPlayNothing() {
        MeetingHarness meeting = new MeetingHarness("conference_entrytones", "off", "conference_exittones", "off",
                "call_announceparticipantcount", "");
        meeting.join(1, HOST);

        assertThat(commands(meeting.join(2, PARTICIPANT))).containsExactly("edge-2 join 273751");
        assertThat(commands(meeting.leave(2))).isEmpty();
    }

    @Test
    void theRolesOfAnnounceParticipantCountHearHowManyAreInOnEntry() {
        MeetingHarness meeting = new MeetingHarness("call_announceparticipantcount", "h",
                "conference_entrytones", "off");
        meeting.join(1, PARTICIPANT);

        Outcome host = meeting.join(2, HOST);

        assertThat(commandsTo(host, 2)).containsExactly("join 273751", "play count:2");
        assertThat(commands(meeting.join(3, PARTICIPANT))).containsExactly("edge-3 join 273751");
    }

    private static MeetingInput join(long id) {
        return new Join(caller(id, PARTICIPANT), room(), 0);
    }
}
