package org.conference.meeting.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.conference.common.events.AttributeSetting;
import org.conference.common.events.TelephonyCommand;
import org.conference.common.events.Topics;
import org.conference.meeting.api.StormRooms.Room;
import org.conference.testsupport.BackingServices;
import org.conference.testsupport.processes.ServiceProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

/**
 * Meeting deadlines survive the instance that armed them. Instance A takes callers into three meetings whose
 * deadlines are seconds away — a call's maximum duration, callers waiting for a host who never comes, a meeting's
 * maximum duration — and mirrors each into its meeting's timer; then A is killed with SIGKILL, before any is due,
 * and instance B, started only then, fires each once: every affected caller hears why and is hung up once, the
 * meetings end (or, never started, disappear) with one event each and gapless sequences, and nothing is left.
 */
class MeetingTimersCrashTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    /** From a caller's arrival to its deadline: long enough for A to be killed first on a loaded machine. */
    private static final String DEADLINE_SECONDS = "20";

    private final String database = "meeting_timers_" + UUID.randomUUID().toString().substring(0, 8);
    private final InstanceMetrics metrics = new InstanceMetrics();
    private ServiceProcess armer;
    private ServiceProcess survivor;
    private KafkaProbe kafka;
    private StormRooms rooms;
    private MongoClient client;
    private StoredMeetings stored;

    @TempDir
    Path logs;

    @BeforeEach
    void start() {
        armer = instance("meeting-a");
        kafka = new KafkaProbe(BackingServices.kafka().bootstrapServers(), List.of(Topics.MEETING_EVENTS,
                Topics.TELEPHONY_COMMANDS));
        rooms = new StormRooms(kafka);
        client = MongoClients.create(BackingServices.mongo().uri(database));
        stored = new StoredMeetings(new ReactiveMongoTemplate(client, database));
    }

    @AfterEach
    void stop() throws InterruptedException {
        armer.close();
        if (survivor != null) {
            survivor.close();
        }
        kafka.close();
        client.close();
    }

    private ServiceProcess instance(String name) {
        return MeetingInstances.start(name, database, logs, "--conference.timers.poll-interval=PT0.2S");
    }

    @Test
    void deadlinesArmedByAKilledInstanceFireOnTheOtherOnceEach() throws Exception {
        Room callMax = rooms.provision(List.of(setting("call_maxduration", DEADLINE_SECONDS)));
        Room startWait = rooms.provision(List.of(setting("conference_start_how", "moderator"),
                setting("conference_start_wait", DEADLINE_SECONDS)));
        Room meetingMax = rooms.provision(List.of(setting("conference_maxduration", DEADLINE_SECONDS),
                setting("call_maxduration", "0")));
        for (Room room : List.of(callMax, startWait, meetingMax)) {
            rooms.awaitRouted(armer.baseUrl(), room);
        }
        String timedCall = dial(callMax, callMax.hostCode());
        String firstWaiter = dial(startWait, startWait.participantCode());
        String secondWaiter = dial(startWait, startWait.participantCode());
        String host = dial(meetingMax, meetingMax.hostCode());
        String participant = dial(meetingMax, meetingMax.participantCode());
        await().atMost(WAIT).until(() -> rooms.heard(timedCall, TelephonyCommand.JOIN)
                && rooms.heard(firstWaiter, TelephonyCommand.HOLD) && rooms.heard(secondWaiter, TelephonyCommand.HOLD)
                && rooms.heard(host, TelephonyCommand.JOIN) && rooms.heard(participant, TelephonyCommand.JOIN));
        long earliest = Long.MAX_VALUE;
        for (Room room : List.of(callMax, startWait, meetingMax)) {
            earliest = Math.min(earliest, mirroredDeadline(room));
        }

        armer.kill();
        assertThat(System.currentTimeMillis()).as("A died before any deadline was due").isLessThan(earliest);
        survivor = instance("meeting-b");

        await().atMost(WAIT).untilAsserted(() -> assertThat(ticks()).isEqualTo(3));
        for (Room room : List.of(callMax, startWait, meetingMax)) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(timerDue(room)).as("fired and gone").isNull());
        }
        // what the ticks decided leaves for the edge and the event topic alongside the timers' removal
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(rooms.commands(timedCall)).endsWith("play max-duration", "hangup")
                    .containsOnlyOnce("hangup");
            for (String waiter : List.of(firstWaiter, secondWaiter)) {
                assertThat(rooms.commands(waiter)).as("released, never joined")
                        .containsExactly("hold", "play waiting-for-host", "play start-timeout", "hangup");
            }
            for (String call : List.of(host, participant)) {
                assertThat(rooms.commands(call)).endsWith("play meeting-ended", "hangup").containsOnlyOnce("hangup");
            }
            assertThat(rooms.types(callMax)).containsExactly("call.created", "meeting.started", "call.joined",
                    "call.left", "meeting.ended");
            assertThat(rooms.types(startWait)).as("a meeting that never started just disappears")
                    .containsExactly("call.created", "call.created", "call.left", "call.left");
            assertThat(rooms.types(meetingMax)).containsExactly("call.created", "meeting.started", "call.joined",
                    "call.created", "call.joined", "call.left", "call.left", "meeting.ended");
        });
        for (Room room : List.of(callMax, startWait, meetingMax)) {
            StormRooms.assertGapless(rooms.events(room));
            assertThat(rooms.calls(survivor.baseUrl(), room)).as("no Call left").isEmpty();
            assertThat(rooms.meetingStatus(survivor.baseUrl(), room)).isEqualTo(404);
        }
        assertThat(metrics.refused(survivor.managementUrl(), "start-wait")).isEqualTo(2);
        assertThat(ticks()).as("each deadline fired once").isEqualTo(3);
    }

    private String dial(Room room, String code) {
        String call = "call-" + UUID.randomUUID();
        rooms.dial(call, room, code);
        return call;
    }

    /** The meeting's next deadline, once A has mirrored it into the meeting's timer and published everything. */
    private long mirroredDeadline(Room room) {
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(stored.document(room.meetingNumber())).containsEntry("pending", false);
            long next = stored.deadlines(room.meetingNumber()).values().stream()
                    .mapToLong(at -> ((Number) at).longValue()).min().orElseThrow();
            assertThat(timerDue(room)).isEqualTo(next);
        });
        return timerDue(room);
    }

    private Long timerDue(Room room) {
        return stored.timerDue(room.meetingNumber());
    }

    private double ticks() {
        return metrics.value(survivor.managementUrl(), "conference_meeting_ticks_total", "");
    }

    private static AttributeSetting setting(String name, String value) {
        return new AttributeSetting(name, value);
    }
}
