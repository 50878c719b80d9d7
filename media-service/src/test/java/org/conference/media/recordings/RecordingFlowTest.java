package org.conference.media.recordings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.conference.common.events.MeetingRoomState;
import org.conference.common.events.TelephonyCommand;
import org.conference.common.events.TelephonyEvent;
import org.conference.common.events.Topics;
import org.conference.media.support.MediaApiTestSupport;
import org.conference.testsupport.BackingServices;
import org.conference.testsupport.processes.ServiceProcess;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * A meeting's recording, end to end with the real edge simulator as a process: it records on {@code record.start},
 * makes a WAV on {@code record.stop} and publishes {@code recording.completed}; media-service fetches the WAV from
 * it, stores it as the room owner's file and announces {@code recording.available}. Then what must not happen: a
 * redelivered event stores nothing new, a location off the edge is refused and counted, a fetch that keeps failing
 * ends on the dead-letter topic.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordingFlowTest extends MediaApiTestSupport {

    private static final String SIMULATOR = "http://127.0.0.1:" + SIMULATOR_PORT + "/simulator/v1";

    @Autowired
    private ConsumerFactory<String, Object> consumers;

    @Autowired
    private MeterRegistry meters;

    private ServiceProcess simulator;
    private WebTestClient edge;

    @BeforeAll
    void startTheSimulator() throws Exception {
        Path jar = Path.of(System.getProperty("media.simulator.jar", "../infra/edge-simulator/target/missing.jar"));
        assertThat(jar).as("the edge simulator's jar (the reactor packages it before this module)").isRegularFile();
        Path logs = Files.createDirectories(Path.of("target", "process-logs"));
        simulator = ServiceProcess.startJar("edge-simulator", jar, Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", BackingServices.kafka().bootstrapServers(),
                        "SIMULATOR_CONSUMER_GROUP", "edge-simulator-" + UUID.randomUUID()),
                List.of("--server.port=" + SIMULATOR_PORT,
                        "--conference.simulator.public-base-url=http://127.0.0.1:" + SIMULATOR_PORT),
                logs);
        edge = WebTestClient.bindToServer().baseUrl(SIMULATOR).responseTimeout(Duration.ofSeconds(30))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build();
    }

    @AfterAll
    void stopTheSimulator() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void storesAMeetingsRecordingAsTheRoomOwnersFileOnceAndAnnouncesIt() throws Exception {
        Caller owner = subscriber(3);
        long meetingNumber = room(owner);
        String recordingName = meetingNumber + "-41-1";
        String callId = joinedCall(meetingNumber);

        try (Consumer<String, Object> mediaEvents = mediaEvents();
                Consumer<String, Object> telephony = consumerOf(Topics.TELEPHONY_EVENTS)) {
            command(callId, TelephonyCommand.RECORD_START, recordingName);
            Awaitility.await("the simulator records").atMost(Duration.ofSeconds(30))
                    .until(() -> Boolean.TRUE.equals(call(callId).get("recording")));
            command(callId, TelephonyCommand.RECORD_STOP, recordingName);

            Awaitility.await("the recording is the owner's file").atMost(Duration.ofSeconds(60))
                    .until(() -> listedNames(owner, owner.sid()).size() == 1);
            String fileName = listedNames(owner, owner.sid()).get(0);
            assertThat(fileName).matches("meeting-" + meetingNumber + "-\\d{8}-\\d{6}\\.wav");

            byte[] atTheEdge = edge.get().uri("/recordings/{name}", recordingName).exchange().expectStatus().isOk()
                    .expectBody(byte[].class).returnResult().getResponseBody();
            assertThat(download(owner, owner.sid(), fileName)).isEqualTo(atTheEdge);
            Map<?, ?> descriptor = (Map<?, ?>) ((List<?>) get(owner, BASE + "/subscribers/{sid}/files", owner.sid())
                    .expectBody(Map.class).returnResult().getResponseBody().get("fileDescriptors")).get(0);
            double truth = wavMillis(atTheEdge);
            assertThat(((Number) descriptor.get("duration")).doubleValue())
                    .isCloseTo(truth, within(Math.max(2.0, truth / 100)));

            // the same event once more (a redelivery) stores nothing new and announces nothing new
            ConsumerRecord<String, Object> completed = recordingCompleted(telephony, recordingName);
            kafka.send(Topics.TELEPHONY_EVENTS, completed.key(), completed.value()).join();
            // a refused event behind it on the same partition: once that is counted, the redelivery was handled
            double refusedBefore = refused();
            kafka.send(Topics.TELEPHONY_EVENTS, completed.key(), TelephonyEvent.recordingCompleted(
                    UUID.randomUUID().toString(), callId, System.currentTimeMillis(), recordingName,
                    "http://elsewhere.example/" + recordingName)).join();
            Awaitility.await("the redelivery handled").atMost(Duration.ofSeconds(60))
                    .until(() -> refused() > refusedBefore);

            List<Map<?, ?>> events = eventsOf(mediaEvents, owner.sid(), 2, Duration.ofSeconds(60));
            assertThat(listedNames(owner, owner.sid())).containsExactly(fileName);
            assertThat(events).extracting(event -> (String) event.get("type"))
                    .containsExactlyInAnyOrder("file.stored", "recording.available");
            Map<?, ?> available = events.stream().filter(event -> "recording.available".equals(event.get("type")))
                    .findFirst().orElseThrow();
            assertThat(((Number) available.get("meetingNumber")).longValue()).isEqualTo(meetingNumber);
            assertThat(((Map<?, ?>) available.get("file")).get("url"))
                    .isEqualTo("/storage/subscribers/" + owner.sid() + "/" + fileName);
            assertThat(mongo.count(Query.query(Criteria.where("_id").is(recordingName)), "recordings").block())
                    .isEqualTo(1);
        }
    }

    @Test
    void refusesAndCountsARecordingLocationOffTheEdge() {
        Caller owner = subscriber(3);
        long meetingNumber = room(owner);
        double refusedBefore = refused();
        for (String location : List.of("http://169.254.169.254/latest/meta-data",
                "http://127.0.0.1:" + SIMULATOR_PORT + ".evil.example/simulator/v1/recordings/x",
                "http://127.0.0.1:" + (SIMULATOR_PORT + 1) + "/simulator/v1/recordings/x",
                "http://user@127.0.0.1:" + SIMULATOR_PORT + "/simulator/v1/recordings/x")) {
            kafka.send(Topics.TELEPHONY_EVENTS, "call-x", TelephonyEvent.recordingCompleted(
                    UUID.randomUUID().toString(), "call-x", System.currentTimeMillis(), meetingNumber + "-1-1",
                    location)).join();
        }
        Awaitility.await("refusals counted").atMost(Duration.ofSeconds(30))
                .until(() -> refused() - refusedBefore >= 4);
        assertThat(listedNames(owner, owner.sid())).isEmpty();
    }

    @Test
    void deadLettersARecordingWhoseFetchKeepsFailing() {
        Caller owner = subscriber(3);
        long meetingNumber = room(owner);
        String recordingName = meetingNumber + "-9-1";
        try (Consumer<String, Object> deadLetters = consumerOf(Topics.deadLetter(Topics.TELEPHONY_EVENTS))) {
            kafka.send(Topics.TELEPHONY_EVENTS, "call-gone", TelephonyEvent.recordingCompleted(
                    UUID.randomUUID().toString(), "call-gone", System.currentTimeMillis(), recordingName,
                    SIMULATOR + "/recordings/" + recordingName)).join();
            ConsumerRecord<String, Object> dead = recordingCompleted(deadLetters, recordingName);
            assertThat(dead.key()).isEqualTo("call-gone");
        }
        assertThat(listedNames(owner, owner.sid())).isEmpty();
        assertThat(chunksWithoutFiles()).isEmpty();
    }

    private long room(Caller owner) {
        long meetingNumber = ThreadLocalRandom.current().nextLong(100_000_000, 999_999_999);
        kafka.send(Topics.MEETING_ROOMS, Long.toString(meetingNumber), new MeetingRoomState(meetingNumber,
                owner.sid(), "room", 0, 1, List.of(), List.of(), List.of(), 1)).join();
        Awaitility.await("read model has room " + meetingNumber).atMost(Duration.ofSeconds(30))
                .until(() -> mongo.exists(Query.query(Criteria.where("_id").is(meetingNumber)), "directoryRooms")
                        .block());
        return meetingNumber;
    }

    /** A simulated call joined to the meeting; the simulator may still be joining its consumer group: retry. */
    private String joinedCall(long meetingNumber) {
        Map<?, ?> placed = edge.post().uri("/calls").bodyValue(Map.of("from", "+15551230001", "to", "15551230002"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String callId = (String) placed.get("id");
        Awaitility.await("the call is in the meeting").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    if ("in-meeting".equals(call(callId).get("state"))) {
                        return true;
                    }
                    command(callId, TelephonyCommand.JOIN, Long.toString(meetingNumber));
                    return false;
                });
        return callId;
    }

    private Map<?, ?> call(String callId) {
        return edge.get().uri("/calls/{id}", callId).exchange().expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody();
    }

    private void command(String callId, String type, String argument) {
        kafka.send(Topics.TELEPHONY_COMMANDS, callId, new TelephonyCommand(UUID.randomUUID().toString(), type, callId,
                System.currentTimeMillis(), argument)).join();
    }

    private Consumer<String, Object> consumerOf(String topic) {
        Properties fromTheStart = new Properties();
        fromTheStart.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Consumer<String, Object> consumer = consumers.createConsumer("media-test-" + UUID.randomUUID(), null, null,
                fromTheStart);
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private static ConsumerRecord<String, Object> recordingCompleted(Consumer<String, Object> consumer,
            String recordingName) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.value() instanceof Map<?, ?> event && recordingName.equals(event.get("recordingName"))) {
                    return record;
                }
            }
        }
        throw new AssertionError("no recording.completed of " + recordingName + " seen");
    }

    private double refused() {
        var counter = meters.find("conference.media.recordings.refused").counter();
        return counter == null ? 0 : counter.count();
    }

    private static double wavMillis(byte[] wav) throws Exception {
        AudioFileFormat format = AudioSystem.getAudioFileFormat(new ByteArrayInputStream(wav));
        return format.getFrameLength() * 1000.0 / format.getFormat().getFrameRate();
    }
}
