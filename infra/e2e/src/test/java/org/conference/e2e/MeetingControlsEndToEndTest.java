package org.conference.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.conference.e2e.LiveRoom.HOST;
import static org.conference.e2e.LiveRoom.LISTENER;
import static org.conference.e2e.LiveRoom.PARTICIPANT;
import static org.conference.e2e.LiveRoom.callsIn;
import static org.conference.e2e.LiveRoom.eventually;
import static org.conference.e2e.LiveRoom.meetingOfEvent;
import static org.conference.e2e.LiveRoom.ofType;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.conference.e2e.LiveRoom.Caller;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 11's meeting behaviours with the real simulator, part B: what callers notice on entry (mute and hold
 * policies, tones, the count), recording, the in-meeting keypad controls (digit by digit and as one string), Q&A,
 * and changes made through the API while the meeting runs. The services run as processes from their jars (one
 * platform shared with the other end-to-end classes, meeting-service's keypad timeout 3 s); each scenario provisions a room of its own with the attributes it needs, dials in at
 * the simulator and checks the edge's commands, the Calls and Meeting through the gateway, and the meeting's domain
 * events on Kafka.
 */
@ExtendWith(SharedPlatform.class)
@Order(3)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeetingControlsEndToEndTest {

    private Platform platform;

    @BeforeAll
    void useThePlatform(Platform shared) {
        platform = shared;
    }

    @Test
    void theMuteAndHoldPoliciesSilenceAndHoldTheRolesTheyNameOnEntry() {
        LiveRoom room = LiveRoom.provision(platform,
                Map.of("conference_mute_policy", "pl", "conference_hold_policy", "l"));
        Caller host = room.join(HOST);
        Caller participant = room.join(PARTICIPANT);
        Caller listener = room.join(LISTENER);
        String join = "join " + room.meetingNumber();

        eventually("the participant muted, the listener muted and held, the host neither", () -> {
            assertThat(room.edge(participant)).containsEntry("muted", true).containsEntry("held", false);
            assertThat(room.edge(listener)).containsEntry("muted", true).containsEntry("held", true);
            assertThat(room.commands(participant)).containsSubsequence(join, "mute");
            assertThat(room.commands(listener)).containsSubsequence(join, "hold").contains("mute");
        });
        assertThat(room.edge(host)).containsEntry("muted", false).containsEntry("held", false);
        assertThat(room.commands(host)).doesNotContain("mute", "hold");
        assertThat(room.call(host)).containsEntry("muteMode", 0).containsEntry("holdMode", 0);
        assertThat(room.call(participant)).containsEntry("muteMode", 40).containsEntry("holdMode", 0);
        assertThat(room.call(listener)).containsEntry("muteMode", 32).containsEntry("holdMode", 40);
        assertThat(room.meeting()).as("the Meeting's modes are the initial policies")
                .containsEntry("muteMode", 40).containsEntry("holdMode", 0).containsEntry("participantCount", 3);

        // Self-mute cannot lift the meeting's own mute: the participant hears it is muted and stays so.
        room.keys(participant, "*6");
        room.awaitPrompt(participant, "muted");
        assertThat(room.prompts(participant)).doesNotContain("unmuted");
        assertThat(room.commands(participant)).doesNotContain("unmute");
        assertThat(room.call(participant)).containsEntry("muteMode", 40);

        List<Map<String, Object>> events = room.endAndReadEvents();
        assertThat(ofType(events, "call.joined")).extracting(LiveRoom::callOfEvent)
                .extracting(call -> call.get("role"), call -> call.get("muteMode"), call -> call.get("holdMode"))
                .containsExactly(tuple(HOST, 0, 0), tuple(PARTICIPANT, 40, 0), tuple(LISTENER, 32, 40));
    }

    @Test
    void theOthersHearEntryAndExitTonesAndEachJoinerHearsHowManyAreIn() {
        LiveRoom room = LiveRoom.provision(platform, Map.of("conference_entrytones", "on",
                "conference_exittones", "on", "call_announceparticipantcount", "hpl"));
        Caller host = room.join(HOST);
        room.awaitPrompt(host, "count:1");
        Caller participant = room.join(PARTICIPANT);
        room.awaitPrompt(participant, "count:2");
        // A tone for the joiner itself would have come before its count, in the same write.
        assertThat(room.prompts(participant)).as("a joiner hears the count, not its own entry")
                .containsExactly("count:2");
        room.awaitPrompt(host, "entry-tone");

        room.hangsUp(participant);
        room.awaitPrompt(host, "exit-tone");
        Caller listener = room.join(LISTENER);
        room.awaitPrompt(listener, "count:2");
        assertThat(room.prompts(listener)).as("the count is of those in now").containsExactly("count:2");
        // Whether the listener's entry is heard depends on the once-a-second limit: not asserted.
        assertThat(room.prompts(host)).as("the host: its count on entry, then the others coming and going")
                .startsWith("count:1", "entry-tone", "exit-tone")
                .filteredOn(prompt -> prompt.startsWith("count:")).containsExactly("count:1");

        List<Map<String, Object>> events = room.endAndReadEvents();
        assertThat(events).extracting(event -> event.get("type")).containsSubsequence(
                "meeting.started", "call.joined", "call.joined", "call.left", "call.joined", "meeting.ended");
    }

    @Test
    void autoRecordingStartsWithTheMeetingTheHostsKeypadTogglesItAndTheMeetingsEndStopsIt() {
        LiveRoom room = LiveRoom.provision(platform, Map.of("conference_recording", "auto",
                "recording_stop_how", "last", "recording_dtmf", "h"));
        Caller host = room.join(HOST);
        String firstTake = awaitTakeStarted(room, host, 1);
        assertThat(firstTake).startsWith(room.meetingNumber() + "-");
        eventually("the host's call records, the Meeting says so", () -> {
            assertThat(room.edge(host)).containsEntry("recording", true);
            assertThat(room.meeting()).containsEntry("isRecording", true);
        });
        Caller participant = room.join(PARTICIPANT);

        room.keys(host, "*2");
        room.awaitPrompt(host, "recording-stopped");
        eventually("the recording stopped", () -> {
            assertThat(room.commands(host)).contains("record.stop " + firstTake);
            assertThat(room.edge(host)).containsEntry("recording", false);
            assertThat(room.meeting()).containsEntry("isRecording", false);
        });
        awaitWav(room, firstTake);

        room.keysOneByOne(host, "*2");
        room.awaitPrompt(host, "recording-started");
        String secondTake = awaitTakeStarted(room, host, 2);
        assertThat(secondTake).isNotEqualTo(firstTake);
        eventually("recording again", () -> assertThat(room.meeting()).containsEntry("isRecording", true));
        assertThat(room.prompts(participant)).as("only the keyer hears it")
                .doesNotContain("recording-started", "recording-stopped");

        List<Map<String, Object>> events = room.endAndReadEvents();
        eventually("the host's call stopped the recording before it was hung up", () -> assertThat(
                room.commands(host)).containsSubsequence("record.stop " + secondTake, "hangup"));
        awaitWav(room, secondTake);
        assertThat(events).extracting(event -> event.get("type")).containsSubsequence("meeting.started",
                "recording.started", "recording.stopped", "recording.started", "recording.stopped",
                "call.left", "meeting.ended");
        assertThat(ofType(events, "recording.started")).extracting(LiveRoom::meetingOfEvent)
                .allSatisfy(meeting -> assertThat(meeting).containsEntry("isRecording", true));
        assertThat(ofType(events, "recording.stopped")).extracting(LiveRoom::meetingOfEvent)
                .allSatisfy(meeting -> assertThat(meeting).containsEntry("isRecording", false));
    }

    @Test
    void recordingStopHowModeratorStopsTheRecordingAWhileAfterTheLastHostLeftWhileTheMeetingGoesOn() {
        LiveRoom room = LiveRoom.provision(platform, Map.of("conference_recording", "auto",
                "recording_stop_how", "moderator", "recording_stop_wait", "2", "conference_stop_how", "last"));
        Caller host = room.join(HOST);
        String firstTake = awaitTakeStarted(room, host, 1);
        Caller participant = room.join(PARTICIPANT);

        room.hangsUp(host);
        // The edge ends a take with the call that carried it: the recording goes on on the participant's call.
        String secondTake = awaitTakeStarted(room, participant, 1);
        assertThat(secondTake).isNotEqualTo(firstTake);
        eventually("the recording stopped once the wait after the last host ran out", () -> {
            assertThat(room.commands(participant)).containsSubsequence("record.start " + secondTake,
                    "record.stop " + secondTake);
            assertThat(room.meeting()).containsEntry("isRecording", false).containsEntry("participantCount", 1);
        });
        assertThat(room.edge(participant)).as("the meeting goes on").containsEntry("state", "in-meeting");
        awaitWav(room, firstTake);
        awaitWav(room, secondTake);

        List<Map<String, Object>> events = room.endAndReadEvents();
        assertThat(events).extracting(event -> event.get("type")).containsSubsequence(
                "recording.started", "call.left", "recording.stopped", "call.left", "meeting.ended");
        assertThat(ofType(events, "recording.started")).as("a new take is no new recording").hasSize(1);
        assertThat(ofType(events, "recording.stopped")).hasSize(1);
    }

    @Test
    void callersUseTheirOwnKeypadControlsAndARoleThatMayNotUseOneGetsNothing() {
        LiveRoom room = LiveRoom.provision(platform, Map.of());
        Caller host = room.join(HOST);
        Caller participant = room.join(PARTICIPANT);
        Caller listener = room.join(LISTENER);

        room.keys(participant, "*6");
        room.awaitPrompt(participant, "muted");
        eventually("the participant muted itself", () -> {
            assertThat(room.edge(participant)).containsEntry("muted", true);
            assertThat(room.call(participant)).containsEntry("muteMode", 36);
        });
        room.keysOneByOne(participant, "*6");
        room.awaitPrompt(participant, "unmuted");
        eventually("the participant unmuted itself", () -> {
            assertThat(room.edge(participant)).containsEntry("muted", false);
            assertThat(room.call(participant)).containsEntry("muteMode", 0);
        });

        // *7 (mute the others) is the hosts' only; the help that follows is played after whatever *7 did.
        room.keys(participant, "*7");
        room.keys(participant, "**");
        room.awaitPrompt(participant, "help");
        assertThat(room.prompts(participant)).doesNotContain("all-muted");
        assertThat(room.edge(listener)).containsEntry("muted", false);
        assertThat(room.call(listener)).containsEntry("muteMode", 0);

        room.keys(host, "*#");
        room.awaitPrompt(host, "count:3");
        room.keysOneByOne(listener, "*0");
        room.awaitPrompt(listener, "no-operator");

        room.keys(listener, "*9");
        eventually("the listener said goodbye to and hung up", () -> {
            assertThat(room.edge(listener)).containsEntry("state", "ended").containsEntry("endedBy", "server");
            assertThat(room.commands(listener)).containsSubsequence("play goodbye", "hangup");
            assertThat(room.meeting()).containsEntry("participantCount", 2);
        });

        List<Map<String, Object>> events = room.endAndReadEvents();
        assertThat(callsIn(events, "call.updated", participant)).extracting(call -> call.get("muteMode"))
                .containsExactly(36, 0);
        assertThat(callsIn(events, "call.updated", listener)).isEmpty();
        assertThat(callsIn(events, "call.left", listener)).hasSize(1);
        assertThat(events).extracting(event -> event.get("type"))
                .containsSubsequence("call.updated", "call.updated", "call.left", "call.left", "call.left");
        assertThat(LiveRoom.number(LiveRoom.callOfEvent(ofType(events, "call.left").get(0)).get("id")))
                .as("the listener left first").isEqualTo(listener.callId());
    }

    @Test
    void aHostMutesAndHoldsEveryoneElseAndCyclesTheTonesFromTheKeypad() {
        LiveRoom room = LiveRoom.provision(platform, Map.of());
        Caller host = room.join(HOST);
        Caller participant = room.join(PARTICIPANT);
        Caller listener = room.join(LISTENER);

        room.keysOneByOne(host, "*7");
        room.awaitPrompt(host, "all-muted");
        eventually("participants and listeners muted by the host", () -> {
            assertThat(room.edge(participant)).containsEntry("muted", true);
            assertThat(room.edge(listener)).containsEntry("muted", true);
            assertThat(room.call(participant)).containsEntry("muteMode", 40);
            assertThat(room.call(listener)).containsEntry("muteMode", 32);
        });
        assertThat(room.edge(host)).containsEntry("muted", false);
        Caller latecomer = room.join(PARTICIPANT);
        eventually("a participant joining meanwhile is muted too", () -> {
            assertThat(room.edge(latecomer)).containsEntry("muted", true);
            assertThat(room.call(latecomer)).containsEntry("muteMode", 40);
        });
        room.keys(host, "*7");
        room.awaitPrompt(host, "all-unmuted");
        eventually("everyone unmuted again", () -> {
            for (Caller caller : List.of(participant, listener, latecomer)) {
                assertThat(room.edge(caller)).containsEntry("muted", false);
                assertThat(room.call(caller)).containsEntry("muteMode", 0);
            }
        });
        room.hangsUp(latecomer);
        eventually("the latecomer gone", () -> assertThat(room.meeting()).containsEntry("participantCount", 3));

        room.keys(host, "*1");
        room.awaitPrompt(host, "on-hold");
        eventually("the conference on hold", () -> {
            assertThat(room.edge(participant)).containsEntry("held", true);
            assertThat(room.edge(listener)).containsEntry("held", true);
            assertThat(room.call(participant)).containsEntry("holdMode", 40);
            assertThat(room.meeting()).containsEntry("state", 1);
        });
        assertThat(room.edge(host)).containsEntry("held", false);
        room.keys(host, "*1");
        room.awaitPrompt(host, "off-hold");
        eventually("the conference off hold", () -> {
            assertThat(room.edge(participant)).containsEntry("held", false);
            assertThat(room.edge(listener)).containsEntry("held", false);
            assertThat(room.call(listener)).containsEntry("holdMode", 0);
            assertThat(room.meeting()).containsEntry("state", 2);
        });

        cycleTones(room, host, "on", "off");
        assertThat(room.changedAttributes()).as("the Meeting lists what changed")
                .contains(Map.of("name", "conference_exittones", "value", "off"));
        cycleTones(room, host, "off", "on");
        cycleTones(room, host, "off", "off");
        cycleTones(room, host, "on", "on");
        assertThat(room.prompts(participant)).as("only a host may cycle the tones")
                .noneMatch(prompt -> prompt.startsWith("tones:"));

        List<Map<String, Object>> events = room.endAndReadEvents();
        assertThat(callsIn(events, "call.updated", participant))
                .extracting(call -> call.get("muteMode"), call -> call.get("holdMode"))
                .containsExactly(tuple(40, 0), tuple(0, 0), tuple(0, 40), tuple(0, 0));
        assertThat(callsIn(events, "call.updated", host)).isEmpty();
        assertThat(ofType(events, "meeting.updated")).extracting(LiveRoom::meetingOfEvent)
                .extracting(meeting -> meeting.get("state")).containsExactly(1, 2, 2, 2, 2, 2);
    }

    @Test
    void aHostRunsQuestionsAndAnswersTheFloorGoesToRaisedHandsInOrderAndTheEndRestoresEveryone() {
        LiveRoom room = LiveRoom.provision(platform, Map.of("conference_qa_dtmf", "h", "conference_qa_policy", "pl"));
        Caller host = room.join(HOST);
        Caller first = room.join(PARTICIPANT);
        Caller second = room.join(PARTICIPANT);
        Caller listener = room.join(LISTENER);
        List<Caller> audience = List.of(first, second, listener);

        openTheSession(room, host, audience);
        // Different calls' digits reach the meeting by different paths: the second hand goes up once the first is.
        room.keys(first, "*4");
        room.awaitPrompt(first, "hand-raised");
        room.keys(second, "*4");
        room.awaitPrompt(second, "hand-raised");
        assertThat(room.attribute("conf_qa_queue")).isEqualTo(first.callId() + "," + second.callId());

        // In a session the moderator's *4 begins *40 and *49: it fires once the keypad timeout ran out.
        room.keys(host, "*4");
        awaitSpeaking(room, first);
        room.keysOneByOne(host, "*4");
        awaitSpeaking(room, second);
        awaitSilentAudience(room, first);

        room.keys(first, "*4");
        room.awaitPrompt(first, "hand-raised", 2);
        room.keys(host, "*40");
        room.awaitPrompt(first, "queue-cleared");
        room.awaitPrompt(host, "queue-cleared");
        awaitSilentAudience(room, second);
        eventually("the queue cleared", () -> {
            assertThat(room.attribute("conf_qa_queue")).isEmpty();
            assertThat(room.meeting()).containsEntry("qaMode", 1);
        });

        // Digit by digit: *4 waits for the 9 rather than passing the floor on.
        room.keysOneByOne(host, "*49");
        closesTheSession(room, host, audience);

        List<Map<String, Object>> events = room.endAndReadEvents();
        assertThat(ofType(events, "meeting.updated")).extracting(LiveRoom::meetingOfEvent)
                .extracting(meeting -> meeting.get("qaMode")).containsExactly(1, 2, 2, 4, 1, 0);
        assertThat(callsIn(events, "call.updated", first))
                .extracting(call -> call.get("qaMode"), call -> call.get("muteMode"))
                .containsExactly(tuple(1, 40), tuple(2, 0), tuple(1, 40), tuple(0, 0));
        assertThat(callsIn(events, "call.updated", listener))
                .extracting(call -> call.get("qaMode"), call -> call.get("muteMode"))
                .containsExactly(tuple(1, 32), tuple(0, 0));
    }

    @Test
    void attributesAndCallsChangedThroughTheApiTakeEffectAtTheEdgeWhileTheMeetingRuns() {
        LiveRoom room = LiveRoom.provision(platform, Map.of("conference_entrytones", "on",
                "conference_exittones", "on"));
        Caller host = room.join(HOST);
        room.setAttribute("conference_entrytones", "off");
        Caller first = room.join(PARTICIPANT);
        room.awaitPrompt(first, "count:2");

        room.setAttribute("conference_mute_policy", "p");
        Caller second = room.join(PARTICIPANT);
        eventually("a participant joining after the policy changed is muted on entry", () -> {
            assertThat(room.edge(second)).containsEntry("muted", true);
            assertThat(room.commands(second)).containsSubsequence("join " + room.meetingNumber(), "mute");
            assertThat(room.call(second)).containsEntry("muteMode", 40);
        });
        assertThat(room.edge(first)).as("the policy is for later joiners").containsEntry("muted", false);

        lockedOutAndOpenedAgain(room);
        recordedFromTheApi(room, host);
        changeCallAndSeeItAtTheEdge(room, first, Map.of("muteMode", 40), "muted", true);
        changeCallAndSeeItAtTheEdge(room, first, Map.of("muteMode", 0), "muted", false);
        changeCallAndSeeItAtTheEdge(room, first, Map.of("holdMode", 40), "held", true);
        changeCallAndSeeItAtTheEdge(room, first, Map.of("holdMode", 0), "held", false);
        assertThat(room.commands(first)).containsSubsequence("mute", "unmute", "hold", "unhold");

        // Exit tones are still on: the host hears this leave after every join it would have heard.
        room.hangsUp(first);
        room.awaitPrompt(host, "exit-tone");
        assertThat(room.prompts(host)).as("entry tones switched off before anyone joined")
                .doesNotContain("entry-tone");

        List<Map<String, Object>> events = room.endAndReadEvents();
        assertThat(ofType(events, "meeting.updated")).extracting(LiveRoom::meetingOfEvent)
                .extracting(meeting -> meeting.get("isSecured"), meeting -> meeting.get("isRecording"))
                .containsExactly(tuple(false, false), tuple(false, false), tuple(true, false),
                        tuple(false, false), tuple(false, true), tuple(false, false));
        assertThat(events).extracting(event -> event.get("type")).containsSubsequence("meeting.updated",
                "recording.started", "meeting.updated", "recording.stopped", "meeting.updated");
        assertThat(callsIn(events, "call.updated", first))
                .extracting(call -> call.get("muteMode"), call -> call.get("holdMode"))
                .containsExactly(tuple(40, 0), tuple(0, 0), tuple(0, 40), tuple(0, 0));
        assertThat(ofType(events, "call.joined")).as("the caller turned away never entered").hasSize(3);
        assertThat(ofType(events, "call.created")).hasSize(3);
    }

    private static void openTheSession(LiveRoom room, Caller host, List<Caller> audience) {
        room.keys(host, "*4");
        room.awaitPrompt(host, "qa-started");
        audience.forEach(caller -> room.awaitPrompt(caller, "qa-started"));
        eventually("the session open, its audience silenced", () -> {
            assertThat(room.meeting()).containsEntry("qaMode", 1);
            for (Caller caller : audience) {
                assertThat(room.edge(caller)).containsEntry("muted", true);
                assertThat(room.call(caller)).containsEntry("qaMode", 1)
                        .containsEntry("muteMode", caller.role() == LISTENER ? 32 : 40);
            }
        });
        assertThat(room.edge(host)).as("the moderator speaks").containsEntry("muted", false);
    }

    private static void awaitSpeaking(LiveRoom room, Caller speaker) {
        room.awaitPrompt(speaker, "your-turn");
        eventually(speaker.number() + " has the floor", () -> {
            assertThat(room.edge(speaker)).containsEntry("muted", false);
            assertThat(room.call(speaker)).containsEntry("qaMode", 2).containsEntry("muteMode", 0);
            assertThat(room.meeting()).containsEntry("qaMode", 2);
        });
    }

    private static void awaitSilentAudience(LiveRoom room, Caller formerSpeaker) {
        eventually(formerSpeaker.number() + " back in the silent audience", () -> {
            assertThat(room.edge(formerSpeaker)).containsEntry("muted", true);
            assertThat(room.call(formerSpeaker)).containsEntry("qaMode", 1).containsEntry("muteMode", 40);
        });
    }

    private static void closesTheSession(LiveRoom room, Caller host, List<Caller> audience) {
        room.awaitPrompt(host, "qa-ended");
        audience.forEach(caller -> room.awaitPrompt(caller, "qa-ended"));
        eventually("everyone as before the session", () -> {
            assertThat(room.meeting()).containsEntry("qaMode", 0);
            for (Caller caller : audience) {
                assertThat(room.edge(caller)).containsEntry("muted", false);
                assertThat(room.call(caller)).containsEntry("qaMode", 0).containsEntry("muteMode", 0);
            }
        });
    }

    /** {@code conf_locked} on: a participant is turned away at its code; off again. */
    private static void lockedOutAndOpenedAgain(LiveRoom room) {
        room.setAttribute("conf_locked", "on");
        assertThat(room.meeting()).containsEntry("isSecured", true);
        String turnedAway = room.dialAndKeyCode(PARTICIPANT);
        eventually("a participant turned away from the locked meeting", () -> {
            assertThat(room.edge(turnedAway)).containsEntry("state", "ended").containsEntry("endedBy", "server");
            assertThat(room.commands(turnedAway)).containsSubsequence("play locked", "hangup")
                    .noneMatch(command -> command.startsWith("join"));
        });
        room.setAttribute("conf_locked", "off");
        assertThat(room.meeting()).containsEntry("isSecured", false);
    }

    /** {@code conference_recording} on, then off, through the API: the longest call in the mix carries it. */
    private static void recordedFromTheApi(LiveRoom room, Caller longestInTheMix) {
        room.setAttribute("conference_recording", "on");
        String take = awaitTakeStarted(room, longestInTheMix, 1);
        eventually("recording", () -> assertThat(room.meeting()).containsEntry("isRecording", true));
        room.setAttribute("conference_recording", "off");
        eventually("not recording", () -> {
            assertThat(room.commands(longestInTheMix)).contains("record.stop " + take);
            assertThat(room.meeting()).containsEntry("isRecording", false);
        });
    }

    /** The {@code n}-th {@code record.start} the call received; its recording name. */
    private static String awaitTakeStarted(LiveRoom room, Caller carrier, int n) {
        LiveRoom.eventually(carrier.number() + " carries take " + n, () -> assertThat(room.commands(carrier))
                .filteredOn(command -> command.startsWith("record.start ")).hasSizeGreaterThanOrEqualTo(n));
        return room.commands(carrier).stream().filter(command -> command.startsWith("record.start "))
                .skip(n - 1).findFirst().orElseThrow().substring("record.start ".length());
    }

    private static void cycleTones(LiveRoom room, Caller host, String entry, String exit) {
        int before = (int) room.prompts(host).stream().filter(prompt -> prompt.startsWith("tones:")).count();
        room.keys(host, "*3");
        LiveRoom.eventually("the tones now " + entry + ":" + exit, () -> {
            assertThat(room.prompts(host)).filteredOn(prompt -> prompt.startsWith("tones:")).hasSize(before + 1)
                    .last().isEqualTo("tones:" + entry + ":" + exit);
            assertThat(room.attribute("conference_entrytones")).isEqualTo(entry);
            assertThat(room.attribute("conference_exittones")).isEqualTo(exit);
        });
    }

    private static void changeCallAndSeeItAtTheEdge(LiveRoom room, Caller caller, Map<String, Object> change,
            String edgeField, boolean expected) {
        Map<String, Object> answered = room.updateCall(caller, change);
        change.forEach((field, value) -> assertThat(answered).containsEntry(field, value));
        eventually(caller.number() + " " + edgeField + " " + expected + " at the edge",
                () -> assertThat(room.edge(caller)).containsEntry(edgeField, expected));
    }

    /** The simulator has the recording's WAV: it writes it once the take has stopped at the edge. */
    private static void awaitWav(LiveRoom room, String recording) {
        eventually("the WAV of " + recording, () -> assertThatIsAWav(room.recording(recording)));
    }

    private static void assertThatIsAWav(byte[] wav) {
        assertThat(wav.length).as("a WAV with audio").isGreaterThan(44);
        assertThat(new String(Arrays.copyOfRange(wav, 0, 4), StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(new String(Arrays.copyOfRange(wav, 8, 12), StandardCharsets.US_ASCII)).isEqualTo("WAVE");
    }
}
