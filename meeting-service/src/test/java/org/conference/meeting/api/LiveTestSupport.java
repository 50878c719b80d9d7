package org.conference.meeting.api;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.conference.common.events.TelephonyCommand;
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
import org.springframework.boot.test.web.server.LocalManagementPort;
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
    /** How long a caller's effects may take to show, on a loaded machine. */
    static final Duration CALL_WAIT = Duration.ofSeconds(60);
    private static final AtomicLong IDS = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000));

    @Value("${local.server.port}")
    private int port;

    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    @LocalManagementPort
    private int managementPort;

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

    /** A caller who keyed {@code code} and is in the meeting's mix. */
    protected Dialled joined(Provisioned room, String code) {
        Dialled caller = dial(room);
        key(caller.edgeCallId(), code);
        await().atMost(CALL_WAIT).untilAsserted(() -> assertThat(callOf(room.ownerSid(), caller.caller()))
                .containsEntry("state", 2).containsKey("joined"));
        return caller;
    }

    /** A caller who keyed {@code code} and waits, on hold, for the meeting to start. */
    protected Dialled waiting(Provisioned room, String code) {
        Dialled caller = dial(room);
        key(caller.edgeCallId(), code);
        await().atMost(CALL_WAIT).untilAsserted(() -> assertThat(callOf(room.ownerSid(), caller.caller()))
                .containsEntry("state", 2).containsEntry("holdMode", 40).doesNotContainKey("joined"));
        return caller;
    }

    /** A caller who keyed {@code code} and was hung up without ever entering: its Call is gone. */
    protected Dialled turnedAway(Provisioned room, String code) {
        Dialled caller = dial(room);
        key(caller.edgeCallId(), code);
        await().atMost(CALL_WAIT).untilAsserted(() -> {
            assertThat(endOf(caller)).contains("hangup");
            assertThat(callOf(room.ownerSid(), caller.caller())).isNull();
        });
        assertThat(commandsFor(caller.edgeCallId())).extracting(command -> command.get("type"))
                .doesNotContain(TelephonyCommand.JOIN, TelephonyCommand.HOLD);
        return caller;
    }

    protected void setAttribute(Provisioned room, String name, String value) {
        put(owner(room.ownerSid()), "/meetings/" + room.meetingNumber() + "/attributes/" + name,
                Map.of("value", value)).expectStatus().isOk();
    }

    /** The prompts played to the call, in order. */
    protected List<String> prompts(Dialled call) {
        return commandsFor(call.edgeCallId()).stream()
                .filter(command -> TelephonyCommand.PLAY.equals(command.get("type")))
                .map(command -> (String) command.get("argument")).toList();
    }

    /** The mute and unmute commands the call got, in order. */
    protected List<Object> muting(Dialled call) {
        return commandsFor(call.edgeCallId()).stream().map(command -> command.get("type"))
                .filter(type -> TelephonyCommand.MUTE.equals(type) || TelephonyCommand.UNMUTE.equals(type)).toList();
    }

    /** How the call was ended: its last prompt and everything after it ({@code play <prompt>}, {@code hangup}). */
    protected List<String> endOf(Dialled call) {
        List<String> commands = commandsFor(call.edgeCallId()).stream()
                .map(command -> command.get("argument") == null ? (String) command.get("type")
                        : command.get("type") + " " + command.get("argument"))
                // what every caller hears as others come and go, not why this one was ended
                .filter(command -> !command.startsWith("play count:") && !command.startsWith("play entry-tone")
                        && !command.startsWith("play exit-tone"))
                .toList();
        int hangup = commands.indexOf(TelephonyCommand.HANGUP);
        return hangup < 0 ? List.of() : commands.subList(Math.max(0, hangup - 1), commands.size());
    }

    protected List<Object> eventTypes(Provisioned room) {
        return eventsOf(room.meetingNumber()).stream().map(event -> event.get("type")).toList();
    }

    /** The value of the series {@code name} whose labels contain {@code label}; 0 when there is none. */
    protected double metric(String name, String label) {
        return prometheus().lines().filter(line -> line.startsWith(name + "{") && line.contains(label))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    protected String prometheus() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(8 * 1024 * 1024)).build()
                .get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
