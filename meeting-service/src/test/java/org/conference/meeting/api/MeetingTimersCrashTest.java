package org.conference.meeting.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.conference.common.events.Topics;
import org.conference.meeting.api.StormScenario.Room;
import org.conference.testsupport.BackingServices;
import org.conference.testsupport.BackingServicesInitializer;
import org.conference.testsupport.processes.ServiceProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

/**
 * Meeting deadlines survive the instance that armed them: two meeting-service processes over one database, the
 * deadlines of three live meetings mirrored into their timers by instance A, then A killed with SIGKILL before any
 * is due. Instance B fires every one of them — its ticks reach the meetings' writer exactly once per deadline — and
 * the timers are gone afterwards.
 */
class MeetingTimersCrashTest {

    private static final int MEETINGS = 3;
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final Duration BEFORE_DUE = Duration.ofSeconds(20);

    private final String database = "meeting_timers_" + UUID.randomUUID().toString().substring(0, 8);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private ServiceProcess armer;
    private ServiceProcess survivor;
    private KafkaProbe kafka;
    private MongoClient client;
    private ReactiveMongoTemplate mongo;

    @TempDir
    Path logs;

    @BeforeEach
    void start() {
        armer = instance("meeting-a", Duration.ofMillis(200));
        // B sweeps for pending documents too late to matter, so the deadlines written below are mirrored by A alone
        survivor = instance("meeting-b", Duration.ofHours(1));
        kafka = new KafkaProbe(BackingServices.kafka().bootstrapServers(), List.of(Topics.MEETING_EVENTS,
                Topics.TELEPHONY_COMMANDS));
        client = MongoClients.create(BackingServices.mongo().uri(database));
        mongo = new ReactiveMongoTemplate(client, database);
    }

    @AfterEach
    void stop() throws InterruptedException {
        armer.close();
        survivor.close();
        kafka.close();
        client.close();
    }

    private ServiceProcess instance(String name, Duration relaySweep) {
        return ServiceProcess.start(name, "org.conference.meeting.MeetingApplication", Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", BackingServices.kafka().bootstrapServers(),
                        "MONGODB_URI", BackingServices.mongo().uri(database),
                        "MONGODB_DATABASE", database,
                        "CONFERENCE_INTERNAL_JWT_SECRET", BackingServicesInitializer.TEST_JWT_SECRET),
                // a killed instance leaves the consumer groups within seconds, not after the 45 s default, so the
                // test classes after this one find every partition served
                List.of("--spring.kafka.consumer.properties[session.timeout.ms]=8000",
                        "--spring.kafka.consumer.properties[heartbeat.interval.ms]=1000",
                        "--conference.meetings.relay-sweep-interval=" + relaySweep,
                        "--conference.timers.poll-interval=PT0.2S",
                        "--conference.timers.claim-for=PT5S"),
                logs);
    }

    @Test
    void deadlinesArmedByAKilledInstanceFireOnTheOtherOnceEach() {
        StormScenario rooms = new StormScenario(kafka, MEETINGS, 0);
        List<Room> live = new ArrayList<>();
        for (int i = 0; i < MEETINGS; i++) {
            Room room = rooms.provision();
            rooms.dialUntilHeard(room);
            live.add(room);
        }
        for (Room room : live) {
            await().atMost(WAIT).until(() -> meeting(room) != null && meeting(room).getBoolean("live", false));
        }

        long firstDue = System.currentTimeMillis() + BEFORE_DUE.toMillis();
        for (int i = 0; i < MEETINGS; i++) {
            armDeadline(live.get(i), firstDue + i * 500L);
        }
        for (int i = 0; i < MEETINGS; i++) {
            long due = firstDue + i * 500L;
            Room room = live.get(i);
            await().atMost(WAIT).untilAsserted(() -> assertThat(timerDue(room)).isEqualTo(due));
        }
        armer.kill();
        assertThat(System.currentTimeMillis()).as("A died before any deadline was due").isLessThan(firstDue);

        await().atMost(WAIT).untilAsserted(() -> assertThat(ticks(survivor)).isEqualTo(MEETINGS));
        await().during(Duration.ofSeconds(3)).atMost(WAIT).untilAsserted(() -> {
            assertThat(ticks(survivor)).as("each deadline fired once").isEqualTo(MEETINGS);
            for (Room room : live) {
                assertThat(timerDue(room)).as("claimed, fired and removed").isNull();
            }
        });
    }

    /** Puts a deadline on the meeting as a writer would: at a new version, pending for the relay. */
    private void armDeadline(Room room, long at) {
        Query live = Query.query(Criteria.where("_id").is(room.meetingNumber()).and("live").is(true));
        Update deadline = new Update().set("conference.deadlines.probe", at).set("pending", true).inc("version", 1);
        assertThat(mongo.updateFirst(live, deadline, "meetings").block(WAIT).getModifiedCount()).isEqualTo(1);
    }

    private Document meeting(Room room) {
        return mongo.findById(room.meetingNumber(), Document.class, "meetings").block(WAIT);
    }

    private Long timerDue(Room room) {
        Document timer = mongo.findById("meeting:" + room.meetingNumber(), Document.class, "timers").block(WAIT);
        return timer == null ? null : ((Number) timer.get("due")).longValue();
    }

    private double ticks(ServiceProcess instance) throws IOException, InterruptedException {
        HttpRequest scrape = HttpRequest.newBuilder(URI.create(instance.managementUrl() + "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(10)).GET().build();
        String metrics = http.send(scrape, HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(line -> line.startsWith("conference_meeting_ticks_total{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
