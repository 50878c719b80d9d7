package org.conference.meeting.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.conference.common.events.AttributeSetting;
import org.conference.common.events.TelephonyCommand;
import org.conference.common.events.TelephonyEvent;
import org.conference.common.events.Topics;
import org.conference.meeting.meetings.MeetingRequest;
import org.conference.meeting.timers.Timers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What reaches a live meeting besides joins and leaves, over the real broker and Mongo, seen as a caller and the
 * room's owner see it: digits keyed by a caller the meeting holds (self-mute, help, lock, exit), the deadlines its
 * attributes set (start wait, maximum duration, stop wait, a keypad prefix) mirrored into its one durable timer and
 * ticking it, and what the meeting's outcomes count (refusals by reason, joins, callers who waited included).
 */
class InMeetingInputsTest extends LiveTestSupport {

    private static final Duration WAIT = CALL_WAIT;
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    private static final long HOUR = Duration.ofHours(1).toMillis();

    @Autowired
    private ReactiveMongoTemplate mongo;

    @Autowired
    private Timers timers;

    private final JsonMapper json = JsonMapper.builder().build();
    private StoredMeetings stored;

    @BeforeEach
    void readStoredMeetings() {
        stored = new StoredMeetings(mongo);
    }

    @Override
    protected List<String> watchedTopics() {
        return List.of(Topics.MEETING_EVENTS, Topics.TELEPHONY_COMMANDS, MeetingRequest.TOPIC);
    }

    @Test
    void digitsKeyedInTheMeetingReachItBehindTheJoinAndARedeliveredEventIsAppliedOnce() {
        Provisioned room = provision();
        Dialled caller = joined(room, room.hostCode());
        long callId = id(callOf(room.ownerSid(), caller.caller()));
        TelephonyEvent selfMute = TelephonyEvent.dtmf("dtmf-" + UUID.randomUUID(), caller.edgeCallId(),
                System.currentTimeMillis(), "*6");

        kafka.publish(Topics.TELEPHONY_EVENTS, caller.edgeCallId(), selfMute);
        kafka.publish(Topics.TELEPHONY_EVENTS, caller.edgeCallId(), selfMute);
        // the help binding answers after both: one call's events, requests and commands all stay in order
        key(caller.edgeCallId(), "**");

        await().atMost(WAIT).untilAsserted(() -> assertThat(prompts(caller)).contains("help"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(requests(room, callId, MeetingRequest.DTMF)).hasSize(3));
        ConsumerRecord<String, String> join = requests(room, callId, MeetingRequest.JOIN).get(0);
        for (ConsumerRecord<String, String> dtmf : requests(room, callId, MeetingRequest.DTMF)) {
            assertThat(dtmf.key()).isEqualTo(Long.toString(room.meetingNumber()));
            assertThat(dtmf.partition()).as("the meeting's partition").isEqualTo(join.partition());
            assertThat(dtmf.offset()).as("behind the join").isGreaterThan(join.offset());
        }
        assertThat(requests(room, callId, MeetingRequest.DTMF).subList(0, 2))
                .extracting(record -> json.readValue(record.value(), OBJECT))
                .allSatisfy(request -> assertThat(request).containsEntry("digits", "*6")
                        .containsEntry("eventId", selfMute.id()));
        assertThat(muting(caller)).as("the redelivered event changed nothing").containsExactly(TelephonyCommand.MUTE);
        assertThat(prompts(caller)).filteredOn(prompt -> !prompt.startsWith("count:")).containsExactly("muted", "help");
        await().atMost(WAIT).untilAsserted(() -> assertThat(callOf(room.ownerSid(), caller.caller()))
                .containsEntry("state", 2).containsEntry("muteMode", 36));
        await().atMost(WAIT).untilAsserted(() -> assertThat(eventTypes(room)).filteredOn("call.updated"::equals)
                .hasSize(1));
        assertThat(prometheus()).doesNotContain("reason=\"dtmf-after-entry\"");

        key(caller.edgeCallId(), "*6");
        key(caller.edgeCallId(), "**");
        await().atMost(WAIT).untilAsserted(() -> assertThat(prompts(caller)).filteredOn("help"::equals).hasSize(2));
        assertThat(muting(caller)).containsExactly(TelephonyCommand.MUTE, TelephonyCommand.UNMUTE);
        await().atMost(WAIT).untilAsserted(() -> assertThat(callOf(room.ownerSid(), caller.caller()))
                .containsEntry("muteMode", 0));
        await().atMost(WAIT).untilAsserted(() -> assertThat(requests(room, callId, MeetingRequest.DTMF)).hasSize(5));

        double ignoredBefore = ignoredAfterTheCallEnded();
        hangUp(caller.edgeCallId());
        key(caller.edgeCallId(), "*6");
        await().atMost(WAIT).untilAsserted(() -> assertThat(ignoredAfterTheCallEnded()).isEqualTo(ignoredBefore + 1));
        assertThat(requests(room, callId, MeetingRequest.DTMF)).as("digits after the hang-up go nowhere")
                .hasSize(5);
    }

    /** Digits of a call that hung up: ignored whether its Call is gone already or not yet. */
    private double ignoredAfterTheCallEnded() {
        return metric("conference_telephony_events_ignored_total", "reason=\"unknown-call\"")
                + metric("conference_telephony_events_ignored_total", "reason=\"dtmf-after-hangup\"");
    }

    @Test
    void theMeetingsNextDeadlineIsMirroredIntoOneTimerThatMovesWithItAndGoesWithTheMeeting() {
        Provisioned room = provision(List.of(new AttributeSetting("conference_start_how", "moderator"),
                new AttributeSetting("conference_start_wait", "3600"),
                new AttributeSetting("conference_maxduration", "7200"),
                new AttributeSetting("call_maxduration", "0")));
        long beforeWaiting = System.currentTimeMillis();
        Dialled participant = waiting(room, room.participantCode());
        long startWait = deadline(room, "start-wait");
        assertThat(startWait).as("an hour after the first caller began to wait")
                .isBetween(beforeWaiting + HOUR, System.currentTimeMillis() + HOUR);
        await().atMost(WAIT).untilAsserted(() -> assertThat(timerDue(room)).isEqualTo(startWait));

        Dialled host = joined(room, room.hostCode());
        await().atMost(WAIT).untilAsserted(() -> assertThat(callOf(room.ownerSid(), participant.caller()))
                .containsKey("joined"));
        long startedAt = ((Number) stored.conference(room.meetingNumber()).get("startedAt")).longValue();
        assertThat(deadlines(room)).as("the host came in time").doesNotContainKey("start-wait")
                .containsEntry("meeting-max", startedAt + 2 * HOUR);
        await().atMost(WAIT).untilAsserted(() -> assertThat(timerDue(room)).isEqualTo(startedAt + 2 * HOUR));

        setAttribute(room, "conference_maxduration", "1800");
        await().atMost(WAIT).untilAsserted(() -> assertThat(timerDue(room)).as("sooner")
                .isEqualTo(startedAt + HOUR / 2));
        await().atMost(WAIT).untilAsserted(() -> assertThat(stored.document(room.meetingNumber()))
                .as("what the relay mirrored, so an unchanged deadline costs no timer write")
                .containsEntry("deadlineMirrored", startedAt + HOUR / 2).containsEntry("pending", false));
        setAttribute(room, "conference_maxduration", "-1");
        await().atMost(WAIT).untilAsserted(() -> assertThat(timerDue(room)).as("no deadline, no timer").isNull());
        assertThat(deadlines(room)).isEmpty();

        setAttribute(room, "conference_maxduration", "7200");
        await().atMost(WAIT).untilAsserted(() -> assertThat(timerDue(room)).isEqualTo(startedAt + 2 * HOUR));
        hangUp(host.edgeCallId());
        hangUp(participant.edgeCallId());
        await().atMost(WAIT).untilAsserted(() -> assertThat(eventTypes(room)).contains("meeting.ended"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(timerDue(room)).as("the meeting ended").isNull());
    }

    @Test
    void dueDeadlinesTickTheMeetingOnceEachAndTheNextDeadlineIsArmedAfterTheFirst() {
        // the exit binding *9 begins the help binding *99, so the host's *9 fires only at the keypad timeout (the
        // first deadline); the host leaving then arms the stop wait (the second), which ends the meeting
        Provisioned room = provision(List.of(new AttributeSetting("call_instructions_dtmf_binding", "*99")),
                List.of(new AttributeSetting("conference_stop_how", "moderator"),
                        new AttributeSetting("conference_stop_wait", "2"),
                        new AttributeSetting("call_maxduration", "0")));
        Dialled host = joined(room, room.hostCode());
        Dialled participant = joined(room, room.participantCode());
        double ticksBefore = metric("conference_meeting_ticks_total", "");

        key(host.edgeCallId(), "*9");

        await().atMost(WAIT).untilAsserted(() -> assertThat(eventTypes(room)).contains("meeting.ended"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(metric("conference_meeting_ticks_total", ""))
                .as("one tick per deadline").isEqualTo(ticksBefore + 2));
        // the last commands leave with the last events, not necessarily before them
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(endOf(host)).containsExactly("play goodbye", "hangup");
            assertThat(endOf(participant)).containsExactly("play meeting-ended", "hangup");
        });
        List<Map<String, Object>> events = eventsOf(room.meetingNumber());
        assertThat(events).extracting(event -> event.get("type")).endsWith("call.left", "call.left", "meeting.ended");
        assertThat(callIdOf(events.get(events.size() - 3))).as("the host left first, at the keypad timeout")
                .isEqualTo(callIdOf(events.stream().filter(event -> "call.joined".equals(event.get("type")))
                        .findFirst().orElseThrow()));
        assertThat(events).extracting(event -> ((Number) event.get("sequence")).longValue())
                .containsExactlyElementsOf(sequence(events.size()));
        await().atMost(WAIT).untilAsserted(() -> assertThat(timerDue(room)).isNull());
        assertThat(metric("conference_meeting_ticks_total", "")).isEqualTo(ticksBefore + 2);
    }

    @Test
    void aTimerThatFiresBeforeTheMeetingsNextDeadlineIsSetAgainToIt() {
        Provisioned room = provision(List.of(new AttributeSetting("conference_maxduration", "3600"),
                new AttributeSetting("call_maxduration", "0")));
        Dialled caller = joined(room, room.participantCode());
        long deadline = deadline(room, "meeting-max");
        await().atMost(WAIT).untilAsserted(() -> assertThat(timerDue(room)).isEqualTo(deadline));
        double before = metric("conference_meeting_ticks_total", "");

        // as a relay whose lease ran out while it was mirroring an older deadline could leave it
        timers.armAt("meeting", Long.toString(room.meetingNumber()), System.currentTimeMillis()).block(WAIT);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(metric("conference_meeting_ticks_total", "")).isEqualTo(before + 1);
            assertThat(timerDue(room)).as("the meeting's deadline is still to come").isEqualTo(deadline);
        });
        assertThat(deadlines(room)).containsEntry("meeting-max", deadline);
        assertThat(callOf(room.ownerSid(), caller.caller())).as("an early tick ends nothing")
                .containsEntry("state", 2);
        hangUp(caller.edgeCallId());
    }

    @Test
    void callersTheMeetingTurnsAwayHearWhyNeverEnterAndAreCountedOnceByReason() {
        Provisioned room = provision(List.of(new AttributeSetting("conference_maxcalls", "2"),
                new AttributeSetting("conference_maxcallsperrole", "-1:-1:0")));
        double maxCalls = refused("max-calls");
        double maxCallsRole = refused("max-calls-role");
        double locked = refused("locked");
        Dialled host = joined(room, room.hostCode());

        Dialled listener = turnedAway(room, room.listenerCode());
        Dialled participant = joined(room, room.participantCode());
        Dialled overTheCap = turnedAway(room, room.participantCode());
        hangUp(participant.edgeCallId());
        await().atMost(WAIT).untilAsserted(() -> assertThat(callOf(room.ownerSid(), participant.caller())).isNull());
        key(host.edgeCallId(), "*5");
        await().atMost(WAIT).untilAsserted(() -> assertThat(prompts(host)).contains("locked"));
        Dialled lockedOut = turnedAway(room, room.participantCode());

        assertThat(endOf(listener)).containsExactly("play max-calls", "hangup");
        assertThat(endOf(overTheCap)).containsExactly("play max-calls", "hangup");
        assertThat(endOf(lockedOut)).containsExactly("play locked", "hangup");
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(refused("max-calls-role")).isEqualTo(maxCallsRole + 1);
            assertThat(refused("max-calls")).isEqualTo(maxCalls + 1);
            assertThat(refused("locked")).isEqualTo(locked + 1);
        });
        get(owner(room.ownerSid()), "/meetings/" + room.meetingNumber()).expectStatus().isOk().expectBody()
                .jsonPath("$.isSecured").isEqualTo(true).jsonPath("$.participantCount").isEqualTo(1);
        await().atMost(WAIT).untilAsserted(() -> assertThat(eventTypes(room)).as("a refused caller has no event")
                .containsExactly("call.created", "meeting.started", "call.joined", "call.created", "call.joined",
                        "call.left", "meeting.updated"));
        hangUp(host.edgeCallId());
    }

    @Test
    void callersWhoWaitedForTheHostAreCountedAsJoinedAndTimedFromTheirCode() {
        Provisioned room = provision(List.of(new AttributeSetting("conference_start_how", "moderator")));
        double joinedBefore = metric("conference_calls_joined_total", "");
        double timedBefore = metric("conference_calls_join_latency_seconds_count", "");
        Dialled first = waiting(room, room.participantCode());
        Dialled second = waiting(room, room.listenerCode());
        get(owner(room.ownerSid()), "/meetings/" + room.meetingNumber()).expectStatus().isOk().expectBody()
                .jsonPath("$.state").isEqualTo(0).jsonPath("$.participantCount").isEqualTo(0);
        get(owner(room.ownerSid()), "/meetings/" + room.meetingNumber() + "/attributes?filter=name eq "
                + "conf_waiting_count").expectStatus().isOk().expectBody().jsonPath("$[0].value").isEqualTo("2");
        assertThat(metric("conference_calls_joined_total", "")).as("waiting is not joining").isEqualTo(joinedBefore);

        Dialled host = joined(room, room.hostCode());

        for (Dialled waited : List.of(first, second)) {
            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(callOf(room.ownerSid(), waited.caller())).containsKey("joined").containsEntry("holdMode", 0);
                assertThat(commandsFor(waited.edgeCallId())).extracting(command -> command.get("type"))
                        .containsSubsequence(TelephonyCommand.HOLD, TelephonyCommand.JOIN, TelephonyCommand.UNHOLD);
            });
            assertThat(prompts(waited)).startsWith("waiting-for-host");
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(eventTypes(room)).containsExactly("call.created",
                "call.created", "call.created", "meeting.started", "call.joined", "call.joined", "call.joined"));
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(metric("conference_calls_joined_total", "")).isEqualTo(joinedBefore + 3);
            assertThat(metric("conference_calls_join_latency_seconds_count", "")).isEqualTo(timedBefore + 3);
        });

        // a meeting started through the API counts the callers it lets in too
        Provisioned other = provision(List.of(new AttributeSetting("conference_start_how", "moderator")));
        Dialled alone = waiting(other, other.participantCode());
        setAttribute(other, "conference_start_how", "first");
        await().atMost(WAIT).untilAsserted(() -> assertThat(callOf(other.ownerSid(), alone.caller()))
                .containsKey("joined"));
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(metric("conference_calls_joined_total", "")).isEqualTo(joinedBefore + 4);
            assertThat(metric("conference_calls_join_latency_seconds_count", "")).isEqualTo(timedBefore + 4);
        });
        List.of(first, second, host, alone).forEach(call -> hangUp(call.edgeCallId()));
    }

    @Test
    void armingATimerAtTheInstantItHasChangesNothingAndDueTimersAreFoundThroughAnIndex() {
        String key = "probe-" + UUID.randomUUID();
        long at = System.currentTimeMillis() + HOUR;
        Query timer = Query.query(Criteria.where("_id").is("probe:" + key));
        timers.armAt("probe", key, at).block(WAIT);
        // as if an instance were firing it right now
        mongo.updateFirst(timer, new Update().set("claimedUntil", at).set("holder", "someone"), "timers").block(WAIT);

        timers.armAt("probe", key, at).block(WAIT);
        assertThat(mongo.findOne(timer, Document.class, "timers").block(WAIT))
                .as("a deadline mirrored twice fires once").containsEntry("claimedUntil", at)
                .containsEntry("holder", "someone");
        timers.armAt("probe", key, at + 1000).block(WAIT);
        assertThat(mongo.findOne(timer, Document.class, "timers").block(WAIT)).containsEntry("due", at + 1000)
                .containsEntry("claimedUntil", 0L);
        timers.cancel("probe", key).block(WAIT);

        assertThat(mongo.indexOps("timers").getIndexInfo().collectList().block(WAIT))
                .anySatisfy(index -> assertThat(index.isIndexForFields(List.of("due"))).isTrue());
    }

    private double refused(String reason) {
        return metric("conference_calls_refused_total", "reason=\"" + reason + "\"");
    }

    /** The requests of {@code kind} for the call {@code callId} of this room (ids repeat across databases). */
    private List<ConsumerRecord<String, String>> requests(Provisioned room, long callId, String kind) {
        return kafka.records(MeetingRequest.TOPIC).stream().filter(record -> {
            Map<String, Object> request = json.readValue(record.value(), OBJECT);
            return kind.equals(request.get("kind")) && ((Number) request.get("callId")).longValue() == callId
                    && ((Number) request.get("meetingNumber")).longValue() == room.meetingNumber();
        }).toList();
    }

    /** The meeting's deadline {@code name}, once its document has it. */
    private long deadline(Provisioned room, String name) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(deadlines(room)).containsKey(name));
        return ((Number) deadlines(room).get(name)).longValue();
    }

    private Document deadlines(Provisioned room) {
        return stored.deadlines(room.meetingNumber());
    }

    private Long timerDue(Provisioned room) {
        return stored.timerDue(room.meetingNumber());
    }

    @SuppressWarnings("unchecked")
    private static long callIdOf(Map<String, Object> event) {
        Map<String, Object> call = (Map<String, Object>) ((Map<String, Object>) event.get("data")).get("call");
        return ((Number) call.get("id")).longValue();
    }

    private static List<Long> sequence(int length) {
        return LongStream.rangeClosed(1, length).boxed().toList();
    }

    private static long id(Map<String, Object> call) {
        return ((Number) call.get("id")).longValue();
    }
}
