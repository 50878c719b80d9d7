package org.conference.meeting.api;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.conference.common.events.AttributeSetting;
import org.conference.common.events.DidGroupReference;
import org.conference.common.events.DidGroupState;
import org.conference.common.events.DidState;
import org.conference.common.events.MeetingKey;
import org.conference.common.events.MeetingRoomState;
import org.conference.common.events.SubscriberState;
import org.conference.common.events.TelephonyEvent;
import org.conference.common.events.Topics;
import org.conference.testsupport.TestIdentities;
import org.conference.testsupport.WithBackingServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * meeting-service running against the real broker and Mongo, with the test playing provisioning-service (state
 * records on the compacted topics) and the edge (telephony events in, commands out), exactly over the contracts of
 * ARCHITECTURE.md §4–6. Each test provisions its own subscriber, DID and room.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "conference.calls.inter-digit-timeout=PT1S",
        "conference.timers.poll-interval=PT0.1S",
        "conference.meetings.relay-sweep-interval=PT0.2S"})
@WithBackingServices
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// closed after its class: a meeting-service left running would share the consumer group (and its partitions) with
// the instances another test class starts over a database of its own
@DirtiesContext
abstract class LiveTestSupport {

    static final String BASE = "/conference/v1";
    private static final AtomicLong IDS = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000));

    @Value("${local.server.port}")
    private int port;

    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    protected WebTestClient http;
    protected KafkaProbe kafka;
    protected final String root = "root-" + UUID.randomUUID();

    /** What one test provisioned: the owner, the number to dial, the room and its codes by role. */
    record Provisioned(String ownerSid, String phoneNumber, long didGroupId, long meetingNumber, String hostCode,
            String participantCode, String listenerCode) {
    }

    @BeforeAll
    void startProbe() {
        kafka = new KafkaProbe(bootstrapServers, watchedTopics());
    }

    /** The topics {@link #kafka} records. */
    protected List<String> watchedTopics() {
        return List.of(Topics.MEETING_EVENTS, Topics.TELEPHONY_COMMANDS, Topics.deadLetter(Topics.TELEPHONY_EVENTS));
    }

    @AfterAll
    void stopProbe() throws InterruptedException {
        kafka.close();
    }

    @BeforeEach
    void connect() {
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    /** A subscriber below root with a DID group (CONF), a DID and a room with a host, participant and listener key. */
    protected Provisioned provision(List<AttributeSetting> roomAttributes) {
        return provision(List.of(), roomAttributes);
    }

    /** As {@link #provision(List)}, with attributes on the DID group too (DTMF bindings may be set only there). */
    protected Provisioned provision(List<AttributeSetting> groupAttributes, List<AttributeSetting> roomAttributes) {
        String owner = "owner-" + UUID.randomUUID();
        long group = IDS.incrementAndGet();
        long did = IDS.incrementAndGet();
        long meetingNumber = IDS.incrementAndGet();
        String phone = "1516" + (2_000_000 + ThreadLocalRandom.current().nextInt(8_000_000));
        String base = Long.toString(meetingNumber % 10_000);
        Provisioned provisioned = new Provisioned(owner, phone, group, meetingNumber, "1" + base, "2" + base,
                "3" + base);
        kafka.publish(Topics.SUBSCRIBERS, owner, new SubscriberState(owner, "login-" + owner, 3, root,
                List.of(root, owner), "John", "Smith", null, null, null, null, -1, 1L, List.of(), null, 1));
        kafka.publish(Topics.DID_GROUPS, Long.toString(group),
                new DidGroupState(group, "group", "", 3, owner, 0, groupAttributes, 1));
        kafka.publish(Topics.DIDS, Long.toString(did), new DidState(did, phone, "US", null, group, 0, List.of(), 1));
        kafka.publish(Topics.MEETING_ROOMS, Long.toString(meetingNumber), new MeetingRoomState(meetingNumber, owner,
                "room", 1L, group, List.of(new DidGroupReference(group, 0)),
                List.of(new MeetingKey(1, provisioned.hostCode(), 1), new MeetingKey(2, provisioned.participantCode(), 2),
                        new MeetingKey(3, provisioned.listenerCode(), 3)),
                roomAttributes, 1));
        return provisioned;
    }

    protected Provisioned provision() {
        return provision(List.of());
    }

    /** A call placed at the edge: its edge id and the caller's number, which tells its Call apart. */
    record Dialled(String edgeCallId, String caller) {
    }

    /** Dials in as the edge would, from a number of its own; waits until the Call is visible to the room's owner. */
    protected Dialled dial(Provisioned room) {
        String edgeCallId = "edge-" + UUID.randomUUID();
        String caller = "+1212" + (2_000_000 + ThreadLocalRandom.current().nextInt(8_000_000));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            offer(edgeCallId, caller, room.phoneNumber());
            // the directory may not hold the DID yet on the first try: a refused offer leaves nothing behind, and a
            // repeated one changes nothing
            return callOf(room.ownerSid(), caller) != null;
        });
        return new Dialled(edgeCallId, caller);
    }

    protected void offer(String edgeCallId, String caller, String dialled) {
        kafka.publish(Topics.TELEPHONY_EVENTS, edgeCallId, TelephonyEvent.offered(UUID.randomUUID().toString(),
                edgeCallId, System.currentTimeMillis(), new TelephonyEvent.Offer(caller, dialled, caller,
                        "\"" + dialled + "\" <sip:" + dialled + "@127.0.0.1>", "PCMU", "127.0.0.1", "SIM-1")));
    }

    protected void key(String edgeCallId, String digits) {
        kafka.publish(Topics.TELEPHONY_EVENTS, edgeCallId, TelephonyEvent.dtmf(UUID.randomUUID().toString(),
                edgeCallId, System.currentTimeMillis(), digits));
    }

    protected void hangUp(String edgeCallId) {
        kafka.publish(Topics.TELEPHONY_EVENTS, edgeCallId, TelephonyEvent.hungUp(UUID.randomUUID().toString(),
                edgeCallId, System.currentTimeMillis()));
    }

    /** The owner's view of the Call from {@code caller}, or null. */
    protected Map<String, Object> callOf(String ownerSid, String caller) {
        return callsOf(ownerSid).stream().filter(call -> caller.equals(call.get("caller"))).findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    protected List<Map<String, Object>> callsOf(String ownerSid) {
        Map<String, Object> page = get(owner(ownerSid), "/calls?limit=1000").expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (List<Map<String, Object>>) page.get("calls");
    }

    protected List<Map<String, Object>> commandsFor(String edgeCallId) {
        return kafka.values(Topics.TELEPHONY_COMMANDS, command -> edgeCallId.equals(command.get("callId")));
    }

    protected List<Map<String, Object>> eventsOf(long meetingNumber) {
        return kafka.values(Topics.MEETING_EVENTS,
                event -> ((Number) event.get("meetingNumber")).longValue() == meetingNumber);
    }

    protected String owner(String sid) {
        return TestIdentities.subscriber(sid, 3, List.of(root, sid));
    }

    protected String administrator() {
        return TestIdentities.subscriber(root, 1, List.of(root));
    }

    protected String stranger() {
        String sid = "stranger-" + UUID.randomUUID();
        return TestIdentities.subscriber(sid, 1, List.of(sid));
    }

    protected WebTestClient.ResponseSpec get(String identity, String path) {
        return http.get().uri(BASE + path).header(TestIdentities.HEADER, identity).exchange();
    }

    protected WebTestClient.ResponseSpec put(String identity, String path, Object body) {
        return http.put().uri(BASE + path).header(TestIdentities.HEADER, identity)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    protected WebTestClient.ResponseSpec delete(String identity, String path) {
        return http.delete().uri(BASE + path).header(TestIdentities.HEADER, identity).exchange();
    }
}
