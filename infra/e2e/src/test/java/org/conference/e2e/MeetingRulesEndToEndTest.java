package org.conference.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.conference.e2e.RuleScenarios.HOST;
import static org.conference.e2e.RuleScenarios.LISTENER;
import static org.conference.e2e.RuleScenarios.PARTICIPANT;
import static org.conference.e2e.RuleScenarios.POLL;
import static org.conference.e2e.RuleScenarios.WAIT;
import static org.conference.e2e.RuleScenarios.number;

import java.util.List;
import java.util.Map;

import org.conference.e2e.RuleScenarios.Caller;
import org.conference.e2e.RuleScenarios.Room;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 11's meeting behaviours, part A, end to end: the real services from their jars and the edge simulator, one
 * platform shared with the other end-to-end classes ({@link SharedPlatform}). Each scenario provisions a room of its own with the attributes under test, dials it at the
 * simulator, and checks what users would notice: the commands each phone call received (prompts, hold, join,
 * hang-up), the Calls and Meetings of the public API, the domain events on Kafka in their sequence, and the refusal
 * counter. Deadlines are a few seconds; waits are Awaitility's, and "not before" is read from the platform's own
 * timestamps (an event's {@code occurredAt}, a command's {@code issuedAt}), never from the test's clock.
 */
@ExtendWith(SharedPlatform.class)
@Order(2)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeetingRulesEndToEndTest {

    private MeetingEventsTail events;
    private RuleScenarios scenarios;
    private JsonHttp api;

    @BeforeAll
    void useThePlatform(Platform platform) {
        events = MeetingEventsTail.follow(platform.kafkaBootstrapServers());
        scenarios = new RuleScenarios(platform);
        api = scenarios.api();
    }

    @AfterAll
    void stopFollowing() {
        if (events != null) {
            events.close();
        }
    }

    @Test
    void moderatorStartCallersWaitOnHoldUntilTheHostArrivesAndBringsThemIn() {
        Room room = scenarios.provision(Map.of("conference_start_how", "moderator"));
        Caller participant = scenarios.enter(room, PARTICIPANT);
        scenarios.awaitWaiting(participant);
        Caller listener = scenarios.enter(room, LISTENER);
        scenarios.awaitWaiting(listener);
        assertThat(scenarios.meeting(room)).containsEntry("state", 0).containsEntry("participantCount", 0);
        assertThat(scenarios.attributes(room)).containsEntry("conf_waiting_count", "2");

        Caller host = scenarios.enter(room, HOST);

        long participantId = number(scenarios.awaitInMeeting(participant).get("id"));
        long listenerId = number(scenarios.awaitInMeeting(listener).get("id"));
        long hostId = number(scenarios.awaitInMeeting(host).get("id"));
        assertThat(scenarios.meeting(room)).containsEntry("state", 2).containsEntry("participantCount", 3);
        assertThat(scenarios.attributes(room)).containsEntry("conf_waiting_count", "0");
        String meetingNumber = Long.toString(room.meetingNumber());
        assertThat(scenarios.commands(participant)).as("held with music, then into the mix")
                .containsSubsequence(tuple("hold", null), tuple("play", "waiting-for-host"),
                        tuple("join", meetingNumber), tuple("unhold", null));
        assertThat(scenarios.commands(host)).contains(tuple("join", meetingNumber))
                .doesNotContain(tuple("hold", null), tuple("play", "waiting-for-host"));

        MeetingStory story = story(room, "call.joined", 3);
        assertThat(story.types()).containsExactly("call.created", "call.created", "call.created", "meeting.started",
                "call.joined", "call.joined", "call.joined");
        assertThat(story.callIds("call.joined")).as("the waiting callers in arrival order, then the host")
                .containsExactly(participantId, listenerId, hostId);
        endTheMeeting(room);
    }

    @Test
    void moderatorStartWithNoHostWithinTheStartWaitReleasesTheWaitingCallersAndTheMeetingNeverStarts() {
        double refusedBefore = scenarios.refusals("start-wait");
        Room room = scenarios.provision(Map.of("conference_start_how", "moderator", "conference_start_wait", 4));
        // Both key their codes together, so both wait for the same meeting before its start-wait runs out. The
        // waiting itself is read afterwards from what each phone heard: polling for it would race the deadline.
        Caller participant = scenarios.dial(room, PARTICIPANT);
        Caller listener = scenarios.dial(room, LISTENER);
        scenarios.key(participant, room.participantCode() + "#");
        scenarios.key(listener, room.listenerCode() + "#");

        scenarios.awaitHungUpAfter(participant, "start-timeout");
        scenarios.awaitHungUpAfter(listener, "start-timeout");
        scenarios.awaitMeetingGone(room);
        for (Caller caller : List.of(participant, listener)) {
            assertThat(scenarios.commands(caller)).as("waited on hold, never joined, released")
                    .containsExactly(tuple("hold", null), tuple("play", "waiting-for-host"),
                            tuple("play", "start-timeout"), tuple("hangup", null));
        }

        MeetingStory story = story(room, "call.left", 2);
        assertThat(story.types()).as("entered, waited, released; never started, so never ended")
                .containsExactly("call.created", "call.created", "call.left", "call.left");
        long firstWaiting = story.occurredAt(0);
        assertThat(scenarios.issuedAt(participant, "play", "start-timeout"))
                .as("not before the start wait of 4 s from the first waiting caller")
                .isGreaterThanOrEqualTo(firstWaiting + 4000);
        await("two start-wait refusals counted").atMost(WAIT).pollInterval(POLL)
                .untilAsserted(() -> assertThat(scenarios.refusals("start-wait")).isEqualTo(refusedBefore + 2));
    }

    @Test
    void explicitStartEveryoneWaitsHostsTooUntilAHostKeysTheHoldBinding() {
        Room room = scenarios.provision(Map.of("conference_start_how", "explicit"));
        Caller host = scenarios.enter(room, HOST);
        scenarios.awaitWaiting(host);
        Caller participant = scenarios.enter(room, PARTICIPANT);
        scenarios.awaitWaiting(participant);
        assertThat(scenarios.meeting(room)).containsEntry("state", 0).containsEntry("participantCount", 0);
        assertThat(scenarios.attributes(room)).containsEntry("conf_waiting_count", "2");

        scenarios.key(host, "*1");

        long hostId = number(scenarios.awaitInMeeting(host).get("id"));
        long participantId = number(scenarios.awaitInMeeting(participant).get("id"));
        assertThat(scenarios.meeting(room)).containsEntry("state", 2).containsEntry("participantCount", 2);
        MeetingStory story = story(room, "call.joined", 2);
        assertThat(story.types()).containsExactly("call.created", "call.created", "meeting.started",
                "call.joined", "call.joined");
        assertThat(story.callIds("call.joined")).containsExactly(hostId, participantId);
        endTheMeeting(room);
    }

    @Test
    void explicitStartTheApiStartsTheMeetingBySettingStartHowToFirst() {
        Room room = scenarios.provision(Map.of("conference_start_how", "explicit"));
        Caller participant = scenarios.enter(room, PARTICIPANT);
        scenarios.awaitWaiting(participant);
        Caller listener = scenarios.enter(room, LISTENER);
        scenarios.awaitWaiting(listener);

        assertThat(api.put("/meetings/" + room.meetingNumber() + "/attributes/conference_start_how",
                Map.of("value", "first")).expect(200).array())
                .containsExactly(Map.of("name", "conference_start_how", "value", "first"));

        scenarios.awaitInMeeting(participant);
        scenarios.awaitInMeeting(listener);
        Map<String, Object> meeting = scenarios.meeting(room);
        assertThat(meeting).containsEntry("state", 2).containsEntry("participantCount", 2);
        assertThat(meeting.get("attributes")).as("what was changed on the live meeting")
                .isEqualTo(List.of(Map.of("name", "conference_start_how", "value", "first")));
        MeetingStory story = story(room, "meeting.updated", 1);
        assertThat(story.types()).containsExactly("call.created", "call.created", "meeting.started",
                "call.joined", "call.joined", "meeting.updated");
        endTheMeeting(room);
    }

    @Test
    void moderatorStopEveryoneElseIsHungUpWhenTheStopWaitAfterTheLastHostRunsOut() {
        Room room = scenarios.provision(Map.of("conference_stop_how", "moderator", "conference_stop_wait", 3));
        Caller host = scenarios.enter(room, HOST);
        long hostId = number(scenarios.awaitInMeeting(host).get("id"));
        Caller participant = scenarios.enter(room, PARTICIPANT);
        Caller listener = scenarios.enter(room, LISTENER);
        long participantId = number(scenarios.awaitInMeeting(participant).get("id"));
        long listenerId = number(scenarios.awaitInMeeting(listener).get("id"));

        scenarios.hangUpAtThePhone(host);

        scenarios.awaitHungUpAfter(participant, "meeting-ended");
        scenarios.awaitHungUpAfter(listener, "meeting-ended");
        scenarios.awaitMeetingGone(room);
        MeetingStory story = story(room, "meeting.ended", 1);
        int size = story.events().size();
        assertThat(story.types().subList(size - 4, size))
                .containsExactly("call.left", "call.left", "call.left", "meeting.ended");
        assertThat(story.types()).containsOnlyOnce("meeting.ended", "meeting.started");
        assertThat(story.callIds("call.left")).containsExactly(hostId, participantId, listenerId);
        long hostLeft = story.occurredAt(size - 4);
        assertThat(scenarios.issuedAt(participant, "play", "meeting-ended"))
                .as("not before the stop wait of 3 s from the host's leaving")
                .isGreaterThanOrEqualTo(hostLeft + 3000);
    }

    /**
     * The host leaves and another host comes back within the stop wait. That the meeting outlived the wait is
     * shown by a later deadline of the same meeting: {@code call_maxduration}, set live so that the participant's
     * time runs out after the stop wait would have. Deadlines fire earliest first, so the participant hearing
     * {@code max-duration} rather than {@code meeting-ended} means the stop wait was cancelled.
     */
    @Test
    void moderatorStopAHostWhoComesBackWithinTheStopWaitKeepsTheMeetingAlive() {
        int stopWait = 8;
        Room room = scenarios.provision(Map.of("conference_stop_how", "moderator", "conference_stop_wait",
                stopWait));
        Caller host = scenarios.enter(room, HOST);
        long hostId = number(scenarios.awaitInMeeting(host).get("id"));
        Caller participant = scenarios.enter(room, PARTICIPANT);
        Map<String, Object> participantCall = scenarios.awaitInMeeting(participant);
        // Already keying in, so that coming back is one digit string away.
        Caller returning = scenarios.dial(room, HOST);

        scenarios.hangUpAtThePhone(host);
        MeetingStory left = story(room, "call.left", 1);
        long stopWaitDue = left.occurredAt(left.events().size() - 1) + stopWait * 1000L;
        scenarios.key(returning, room.hostCode() + "#");
        // Read from its event, not polled: the premise is about the platform's clock, not the test's.
        Map<String, Object> returned = story(room, "call.joined", 3).joinedCall(returning);
        assertThat(number(returned.get("joined")))
                .as("the host came back within the stop wait (a machine too loaded otherwise)")
                .isLessThan(stopWaitDue);

        long sentinel = (long) Math.ceil((stopWaitDue - number(participantCall.get("joined"))) / 1000.0) + 1;
        api.put("/meetings/" + room.meetingNumber() + "/attributes/call_maxduration",
                Map.of("value", Long.toString(sentinel))).expect(200);

        scenarios.awaitHungUpAfter(participant, "max-duration");
        assertThat(scenarios.commands(participant)).doesNotContain(tuple("play", "meeting-ended"));
        assertThat(scenarios.issuedAt(participant, "hangup", null)).as("the meeting outlived its stop wait")
                .isGreaterThanOrEqualTo(stopWaitDue);
        // The returning host's time is up a little later; then the meeting ends with its last caller.
        scenarios.awaitHungUpAfter(returning, "max-duration");
        scenarios.awaitMeetingGone(room);
        MeetingStory story = story(room, "meeting.ended", 1);
        assertThat(story.types()).containsExactly("call.created", "meeting.started", "call.joined",
                "call.created", "call.joined", "call.left", "call.created", "call.joined", "meeting.updated",
                "call.left", "call.left", "meeting.ended");
        assertThat(story.callIds("call.left")).containsExactly(hostId, number(participantCall.get("id")),
                number(returned.get("id")));
    }

    @Test
    void capsRefuseTheCallerOverMaxCallsAndTheCallerOverItsRolesLimit() {
        double overTheRoleBefore = scenarios.refusals("max-calls-role");
        double overAllBefore = scenarios.refusals("max-calls");
        Room room = scenarios.provision(Map.of("conference_maxcalls", 3, "conference_maxcallsperrole", "-1:1:-1"));
        Caller host = scenarios.enter(room, HOST);
        scenarios.awaitInMeeting(host);
        Caller participant = scenarios.enter(room, PARTICIPANT);
        scenarios.awaitInMeeting(participant);

        Caller secondParticipant = scenarios.dial(room, PARTICIPANT);
        long secondParticipantId = scenarios.callId(secondParticipant);
        scenarios.key(secondParticipant, room.participantCode() + "#");
        scenarios.awaitRefused(secondParticipant, "max-calls");
        Caller listener = scenarios.enter(room, LISTENER);
        scenarios.awaitInMeeting(listener);
        Caller fourth = scenarios.dial(room, HOST);
        long fourthId = scenarios.callId(fourth);
        scenarios.key(fourth, room.hostCode() + "#");
        scenarios.awaitRefused(fourth, "max-calls");

        assertThat(scenarios.meeting(room)).containsEntry("participantCount", 3);
        await("the refusals counted by reason").atMost(WAIT).pollInterval(POLL).untilAsserted(() -> {
            assertThat(scenarios.refusals("max-calls-role")).isEqualTo(overTheRoleBefore + 1);
            assertThat(scenarios.refusals("max-calls")).isEqualTo(overAllBefore + 1);
        });
        MeetingStory story = endTheMeeting(room);
        assertThat(List.of(secondParticipantId, fourthId)).as("a refused caller never entered: no event names it")
                .noneMatch(story::mentions);
        assertThat(story.types()).containsOnlyOnce("meeting.started", "meeting.ended")
                .filteredOn("call.joined"::equals).hasSize(3);
    }

    @Test
    void aHostLocksTheMeetingFromTheKeypadParticipantsAreRefusedHostsStillGetInUntilItIsUnlocked() {
        double lockedBefore = scenarios.refusals("locked");
        Room room = scenarios.provision(Map.of());
        Caller host = scenarios.enter(room, HOST);
        scenarios.awaitInMeeting(host);
        Caller participant = scenarios.enter(room, PARTICIPANT);
        scenarios.awaitInMeeting(participant);

        scenarios.key(host, "*5");
        await("the meeting locked").atMost(WAIT).pollInterval(POLL).untilAsserted(() -> {
            assertThat(scenarios.commands(host)).contains(tuple("play", "locked"));
            assertThat(scenarios.meeting(room)).containsEntry("isSecured", true);
            assertThat(scenarios.attributes(room)).containsEntry("conf_locked", "on");
        });
        Caller intruder = scenarios.enter(room, PARTICIPANT);
        scenarios.awaitRefused(intruder, "locked");
        Caller coHost = scenarios.enter(room, HOST);
        scenarios.awaitInMeeting(coHost);

        scenarios.key(host, "*5");
        await("the meeting unlocked").atMost(WAIT).pollInterval(POLL).untilAsserted(() -> {
            assertThat(scenarios.commands(host)).contains(tuple("play", "unlocked"));
            assertThat(scenarios.meeting(room)).containsEntry("isSecured", false);
        });
        Caller latecomer = scenarios.enter(room, LISTENER);
        scenarios.awaitInMeeting(latecomer);
        assertThat(scenarios.commands(participant)).as("only a host may lock")
                .doesNotContain(tuple("play", "locked"), tuple("hangup", null));
        assertThat(scenarios.meeting(room)).containsEntry("participantCount", 4);
        await("one locked refusal counted").atMost(WAIT).pollInterval(POLL)
                .untilAsserted(() -> assertThat(scenarios.refusals("locked")).isEqualTo(lockedBefore + 1));

        assertThat(api.put("/meetings/" + room.meetingNumber() + "/attributes/conf_locked", Map.of("value", "on"))
                .expect(200).array()).containsExactly(Map.of("name", "conf_locked", "value", "on"));
        assertThat(scenarios.meeting(room)).as("locked by the API").containsEntry("isSecured", true);
        MeetingStory story = endTheMeeting(room);
        assertThat(story.ofType("meeting.updated")).as("locked, unlocked, locked again")
                .extracting(event -> MeetingStory.meetingOf(event).get("isSecured")).containsExactly(true, false, true);
        assertThat(story.types()).filteredOn("call.joined"::equals).hasSize(4);
    }

    @Test
    void callMaxDurationHangsEachCallUpWhenItsTimeIsUp() {
        Room room = scenarios.provision(Map.of("call_maxduration", 5));
        // Both key their codes together, so both are in before the first one's time is up; that they joined is
        // read from the events, as polling for it would race the deadline.
        Caller host = scenarios.dial(room, HOST);
        Caller participant = scenarios.dial(room, PARTICIPANT);
        scenarios.key(host, room.hostCode() + "#");
        scenarios.key(participant, room.participantCode() + "#");

        scenarios.awaitHungUpAfter(host, "max-duration");
        scenarios.awaitHungUpAfter(participant, "max-duration");
        scenarios.awaitMeetingGone(room);
        MeetingStory story = story(room, "meeting.ended", 1);
        assertThat(story.types()).containsExactly("call.created", "meeting.started", "call.joined",
                "call.created", "call.joined", "call.left", "call.left", "meeting.ended");
        for (Caller caller : List.of(host, participant)) {
            assertThat(scenarios.commands(caller)).contains(tuple("join", Long.toString(room.meetingNumber())));
            assertThat(scenarios.issuedAt(caller, "hangup", null)).as(caller.number() + " not before 5 s in")
                    .isGreaterThanOrEqualTo(number(story.joinedCall(caller).get("joined")) + 5000);
        }
    }

    @Test
    void conferenceMaxDurationEndsTheMeetingForEveryone() {
        Room room = scenarios.provision(Map.of("conference_maxduration", 4));
        Caller host = scenarios.dial(room, HOST);
        Caller listener = scenarios.dial(room, LISTENER);
        scenarios.key(host, room.hostCode() + "#");
        scenarios.key(listener, room.listenerCode() + "#");

        scenarios.awaitHungUpAfter(host, "meeting-ended");
        scenarios.awaitHungUpAfter(listener, "meeting-ended");
        scenarios.awaitMeetingGone(room);
        MeetingStory story = story(room, "meeting.ended", 1);
        assertThat(story.types()).containsExactly("call.created", "meeting.started", "call.joined",
                "call.created", "call.joined", "call.left", "call.left", "meeting.ended");
        long started = story.occurredAt(1);
        for (Caller caller : List.of(host, listener)) {
            assertThat(scenarios.commands(caller)).contains(tuple("join", Long.toString(room.meetingNumber())));
            assertThat(scenarios.issuedAt(caller, "play", "meeting-ended")).as("not before 4 s from the start")
                    .isGreaterThanOrEqualTo(started + 4000);
        }
    }

    /** {@code DELETE /meetings/{n}}, then every event of the meeting up to its end. */
    private MeetingStory endTheMeeting(Room room) {
        api.delete("/meetings/" + room.meetingNumber()).expect(204);
        scenarios.awaitMeetingGone(room);
        return story(room, "meeting.ended", 1);
    }

    private MeetingStory story(Room room, String type, int count) {
        return MeetingStory.awaitFrom(events, room, type, count);
    }
}
