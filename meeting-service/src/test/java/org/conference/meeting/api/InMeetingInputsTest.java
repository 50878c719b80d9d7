package org.conference.meeting.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.conference.common.events.TelephonyEvent;
import org.conference.common.events.Topics;
import org.conference.meeting.meetings.MeetingRequest;
import org.conference.meeting.rules.MeetingInput;
import org.conference.meeting.rules.RulesProbe;
import org.conference.meeting.timers.Timers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What reaches a live meeting besides joins and leaves, over the real broker and Mongo: digits keyed by a caller the
 * meeting holds, and the ticks of its durable deadline timer; and what the meeting's outcomes count. The rules are
 * the application's own, watched and extended by {@link RulesProbe} (a deadline or a refusal put on a meeting
 * through a test-only digit string), since no rule produces deadlines or refusals yet.
 */
@Import(InMeetingInputsTest.WatchedRules.class)
class InMeetingInputsTest extends LiveTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    @TestConfiguration
    static class WatchedRules {
        @Bean
        static RulesProbe rulesProbe() {
            return new RulesProbe();
        }
    }

    @Autowired
    private RulesProbe rules;

    @Autowired
    private ReactiveMongoTemplate mongo;

    @Autowired
    private Timers timers;

    @LocalManagementPort
    private int managementPort;

    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    protected List<String> watchedTopics() {
        return List.of(Topics.MEETING_EVENTS, Topics.TELEPHONY_COMMANDS, MeetingRequest.TOPIC);
    }

    @Test
    void digitsKeyedInTheMeetingReachItBehindTheJoinAndARedeliveredEventKeepsItsId() {
        Provisioned room = provision();
        Dialled caller = joined(room);
        long callId = id(callOf(room.ownerSid(), caller.caller()));
        TelephonyEvent digits = TelephonyEvent.dtmf("dtmf-" + UUID.randomUUID(), caller.edgeCallId(),
                System.currentTimeMillis(), "55");

        kafka.publish(Topics.TELEPHONY_EVENTS, caller.edgeCallId(), digits);
        kafka.publish(Topics.TELEPHONY_EVENTS, caller.edgeCallId(), digits);

        await().atMost(WAIT).untilAsserted(() -> assertThat(requests(room, callId, MeetingRequest.DTMF))
                .hasSize(2));
        ConsumerRecord<String, String> join = requests(room, callId, MeetingRequest.JOIN).get(0);
        for (ConsumerRecord<String, String> dtmf : requests(room, callId, MeetingRequest.DTMF)) {
            assertThat(dtmf.key()).isEqualTo(Long.toString(room.meetingNumber()));
            assertThat(dtmf.partition()).as("the meeting's partition").isEqualTo(join.partition());
            assertThat(dtmf.offset()).as("behind the join").isGreaterThan(join.offset());
            Map<String, Object> request = json.readValue(dtmf.value(), OBJECT);
            assertThat(request).containsEntry("digits", "55").containsEntry("eventId", digits.id());
            assertThat(((Number) request.get("meetingNumber")).longValue()).isEqualTo(room.meetingNumber());
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(rules.applied().stream()
                .filter(new MeetingInput.Dtmf(callId, "55", digits.id())::equals)).hasSizeGreaterThanOrEqualTo(2));
        assertThat(metrics()).doesNotContain("reason=\"dtmf-after-entry\"").doesNotContain("dtmf-after-hangup");
        assertThat(callOf(room.ownerSid(), caller.caller())).as("still in its meeting").containsEntry("state", 2);

        double ignoredBefore = ignoredAfterTheCallEnded();
        hangUp(caller.edgeCallId());
        TelephonyEvent late = TelephonyEvent.dtmf("dtmf-" + UUID.randomUUID(), caller.edgeCallId(),
                System.currentTimeMillis(), "55");
        kafka.publish(Topics.TELEPHONY_EVENTS, caller.edgeCallId(), late);
        await().atMost(WAIT).untilAsserted(() -> assertThat(ignoredAfterTheCallEnded()).isEqualTo(ignoredBefore + 1));
        assertThat(requests(room, callId, MeetingRequest.DTMF)).as("digits after the hang-up go nowhere")
                .hasSize(2);
    }

    /** Digits of a call that hung up: ignored whether its Call is gone already or not yet. */
    private double ignoredAfterTheCallEnded() {
        return metric("conference_telephony_events_ignored_total", "reason=\"unknown-call\"")
                + metric("conference_telephony_events_ignored_total", "reason=\"dtmf-after-hangup\"");
    }

    @Test
    void theMeetingsNextDeadlineIsMirroredIntoOneTimerThatMovesWithItAndGoesWithTheMeeting() {
        Provisioned room = provision();
        Dialled caller = joined(room);
        long later = System.currentTimeMillis() + Duration.ofHours(2).toMillis();
        long sooner = later - Duration.ofHours(1).toMillis();

        key(caller.edgeCallId(), "D:first:" + later);
        await().atMost(WAIT).untilAsserted(() -> assertThat(timerDue(room)).isEqualTo(later));
        key(caller.edgeCallId(), "D:second:" + sooner);
        await().atMost(WAIT).untilAsserted(() -> assertThat(timerDue(room)).as("the earliest").isEqualTo(sooner));
        key(caller.edgeCallId(), "C:second");
        await().atMost(WAIT).untilAsserted(() -> assertThat(timerDue(room)).isEqualTo(later));
        await().atMost(WAIT).untilAsserted(() -> assertThat(meetingDocument(room))
                .as("what the relay mirrored, so an unchanged deadline costs no timer write")
                .containsEntry("deadlineMirrored", later).containsEntry("pending", false));
        key(caller.edgeCallId(), "C:first");
        await().atMost(WAIT).untilAsserted(() -> assertThat(timerDue(room)).as("no deadline, no timer").isNull());

        key(caller.edgeCallId(), "D:first:" + later);
        await().atMost(WAIT).untilAsserted(() -> assertThat(timerDue(room)).isEqualTo(later));
        hangUp(caller.edgeCallId());
        await().atMost(WAIT).untilAsserted(() -> assertThat(eventTypes(room)).contains("meeting.ended"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(timerDue(room)).as("the meeting ended").isNull());
    }

    @Test
    void dueDeadlinesTickTheMeetingOnceEachAndTheNextDeadlineIsArmedAfterTheFirst() {
        double before = metric("conference_meeting_ticks_total", "");
        Provisioned room = provision();
        Dialled caller = joined(room);
        long first = System.currentTimeMillis() + 1500;

        key(caller.edgeCallId(), "D:first:" + first);
        key(caller.edgeCallId(), "D:second:" + (first + 1500));

        await().atMost(WAIT).untilAsserted(() -> assertThat(metric("conference_meeting_ticks_total", ""))
                .isEqualTo(before + 2));
        await().during(Duration.ofSeconds(2)).atMost(WAIT).untilAsserted(() -> {
            assertThat(metric("conference_meeting_ticks_total", "")).as("each deadline once").isEqualTo(before + 2);
            assertThat(timerDue(room)).isNull();
        });
        assertThat(meetingDocument(room)).extracting(document -> ((Document) document.get("conference"))
                .get("deadlines", Document.class)).satisfies(deadlines -> assertThat(deadlines).isEmpty());
        get(owner(room.ownerSid()), "/meetings/" + room.meetingNumber()).expectStatus().isOk().expectBody()
                .jsonPath("$.participantCount").isEqualTo(1);
    }

    @Test
    void aTimerThatFiresBeforeTheMeetingsNextDeadlineIsSetAgainToIt() {
        Provisioned room = provision();
        Dialled caller = joined(room);
        long deadline = System.currentTimeMillis() + Duration.ofHours(1).toMillis();
        key(caller.edgeCallId(), "D:first:" + deadline);
        await().atMost(WAIT).untilAsserted(() -> assertThat(timerDue(room)).isEqualTo(deadline));
        double before = metric("conference_meeting_ticks_total", "");

        // as a relay whose lease ran out while it was mirroring an older deadline could leave it
        timers.armAt("meeting", Long.toString(room.meetingNumber()), System.currentTimeMillis()).block(WAIT);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(metric("conference_meeting_ticks_total", "")).isEqualTo(before + 1);
            assertThat(timerDue(room)).as("the meeting's deadline is still to come").isEqualTo(deadline);
        });
        assertThat(meetingDocument(room).get("conference", Document.class).get("deadlines", Document.class))
                .containsEntry("first", deadline);
        hangUp(caller.edgeCallId());
    }

    @Test
    void aRefusalInTheMeetingsOutcomeIsCountedOnceByReason() {
        Provisioned room = provision();
        Dialled caller = joined(room);

        key(caller.edgeCallId(), "R:probe-refusal");

        await().atMost(WAIT).untilAsserted(() -> assertThat(metric("conference_calls_refused_total",
                "reason=\"probe-refusal\"")).isEqualTo(1));
        await().during(Duration.ofSeconds(2)).atMost(WAIT).untilAsserted(() -> assertThat(
                metric("conference_calls_refused_total", "reason=\"probe-refusal\"")).isEqualTo(1));
    }

    @Test
    void armingATimerAtTheInstantItHasChangesNothingAndDueTimersAreFoundThroughAnIndex() {
        String key = "probe-" + UUID.randomUUID();
        long at = System.currentTimeMillis() + Duration.ofHours(1).toMillis();
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

    private Dialled joined(Provisioned room) {
        Dialled caller = dial(room);
        key(caller.edgeCallId(), room.hostCode());
        await().atMost(WAIT).untilAsserted(() -> assertThat(callOf(room.ownerSid(), caller.caller()))
                .containsEntry("state", 2));
        return caller;
    }

    /** The requests of {@code kind} for the call {@code callId} of this room (ids repeat across databases). */
    private List<ConsumerRecord<String, String>> requests(Provisioned room, long callId, String kind) {
        return kafka.records(MeetingRequest.TOPIC).stream().filter(record -> {
            Map<String, Object> request = json.readValue(record.value(), OBJECT);
            return kind.equals(request.get("kind")) && ((Number) request.get("callId")).longValue() == callId
                    && ((Number) request.get("meetingNumber")).longValue() == room.meetingNumber();
        }).toList();
    }

    private Long timerDue(Provisioned room) {
        Document timer = mongo.findById("meeting:" + room.meetingNumber(), Document.class, "timers").block(WAIT);
        return timer == null ? null : ((Number) timer.get("due")).longValue();
    }

    private Document meetingDocument(Provisioned room) {
        return mongo.findById(room.meetingNumber(), Document.class, "meetings").block(WAIT);
    }

    private List<Object> eventTypes(Provisioned room) {
        return eventsOf(room.meetingNumber()).stream().map(event -> event.get("type")).toList();
    }

    /** The value of the series {@code name} whose labels contain {@code label}; 0 when there is none. */
    private double metric(String name, String label) {
        return metrics().lines().filter(line -> line.startsWith(name + "{") && line.contains(label))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private String metrics() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(8 * 1024 * 1024)).build()
                .get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private static long id(Map<String, Object> call) {
        return ((Number) call.get("id")).longValue();
    }
}
