package org.conference.meeting.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rooms and callers for the tests that run meeting-service as separate instances: plays provisioning-service and the
 * edge on the broker through {@link KafkaProbe}, reads back what the edge was told and the domain events (each once,
 * by id: a redelivery publishes the same event again), and reads the Calls API of an instance as the room's owner.
 */
final class StormRooms {

    private static final Duration WAIT = Duration.ofSeconds(180);
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final KafkaProbe kafka;
    /** Each caller's number, unique among these rooms' callers (their events are told apart by it). */
    private final Map<String, String> callers = new ConcurrentHashMap<>();
    private final AtomicLong numbers = new AtomicLong(2_000_000);
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    StormRooms(KafkaProbe kafka) {
        this.kafka = kafka;
    }

    /** A room and what dials into it: its owner, number, and the codes of a host and a participant. */
    record Room(String ownerSid, String phoneNumber, long meetingNumber, String hostCode, String participantCode) {
    }

    /** A subscriber, DID group (CONF), DID and room with {@code attributes}, published as provisioning would. */
    Room provision(List<AttributeSetting> attributes) {
        String owner = "owner-" + UUID.randomUUID();
        long base = ThreadLocalRandom.current().nextLong(10_000_000, 90_000_000);
        String phone = "1516" + (2_000_000 + ThreadLocalRandom.current().nextInt(8_000_000));
        String code = Long.toString(base % 10_000);
        Room room = new Room(owner, phone, base + 2, "1" + code, "2" + code);
        kafka.publish(Topics.SUBSCRIBERS, owner, new SubscriberState(owner, "l-" + owner, 3, "root",
                List.of("root", owner), "Storm", "Owner", null, null, null, null, -1, 1L, List.of(), null, 1));
        kafka.publish(Topics.DID_GROUPS, Long.toString(base), new DidGroupState(base, "g", "", 3, owner, 0, List.of(),
                1));
        kafka.publish(Topics.DIDS, Long.toString(base + 1), new DidState(base + 1, phone, "US", null, base, 0,
                List.of(), 1));
        kafka.publish(Topics.MEETING_ROOMS, Long.toString(room.meetingNumber()), new MeetingRoomState(
                room.meetingNumber(), owner, "storm", 1L, base, List.of(new DidGroupReference(base, 0)),
                List.of(new MeetingKey(1, room.hostCode(), 1), new MeetingKey(2, room.participantCode(), 2)),
                attributes, 1));
        return room;
    }

    /**
     * A caller keying {@code code}, offered again until the edge is told {@code command} about it (the directory may
     * not know the room yet: a refused offer leaves nothing behind but a {@code hangup}, and a repeated one changes
     * nothing). For a caller whose history is checked, {@link #awaitRouted} first.
     */
    String dialUntilHeard(Room room, String code, String command) {
        String call = "call-" + UUID.randomUUID();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            dial(call, room, code);
            return heard(call, command);
        });
        return call;
    }

    /**
     * Returns once the instance at {@code api} routes the room's number: probe calls are offered, each once (a
     * refused one leaves nothing behind), until one shows in the Calls API; then every probe hangs up, leaving the
     * room without a Call and its callers' histories free of the refusals.
     */
    void awaitRouted(String api, Room room) {
        List<String> probes = new ArrayList<>();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            String probe = "probe-" + UUID.randomUUID();
            probes.add(probe);
            offer(probe, room);
            return !calls(api, room).isEmpty();
        });
        probes.forEach(this::hangUp);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> calls(api, room).isEmpty());
    }

    /** A caller dials in from a number of its own and keys {@code code} at once, as the simulator sends it. */
    void dial(String call, Room room, String code) {
        offer(call, room);
        kafka.publish(Topics.TELEPHONY_EVENTS, call, TelephonyEvent.dtmf(id(), call, now(), code));
    }

    private void offer(String call, Room room) {
        String from = callers.computeIfAbsent(call, c -> "+1212" + numbers.incrementAndGet());
        kafka.publish(Topics.TELEPHONY_EVENTS, call, TelephonyEvent.offered(id(), call, now(),
                new TelephonyEvent.Offer(from, room.phoneNumber(), null, null, "PCMU", null, null)));
    }

    /** The number {@code call} dialled from: its Call's {@code caller}, which tells its events apart. */
    String callerOf(String call) {
        return callers.get(call);
    }

    void hangUp(String call) {
        kafka.publish(Topics.TELEPHONY_EVENTS, call, TelephonyEvent.hungUp(id(), call, now()));
    }

    /** Whether the edge was told {@code command} about {@code call}. */
    boolean heard(String call, String command) {
        return commands(call).stream().anyMatch(sent -> sent.equals(command) || sent.startsWith(command + " "));
    }

    /** What the edge was told about {@code call}, each command once, as {@code type} or {@code type argument}. */
    List<String> commands(String call) {
        return distinctById(kafka.values(Topics.TELEPHONY_COMMANDS, command -> call.equals(command.get("callId"))))
                .stream().map(StormRooms::text).toList();
    }

    /** {@link #commands} of every call dialled here, read in one pass over what the edge was told. */
    Map<String, List<String>> commandsByCall() {
        Map<String, List<String>> byCall = new HashMap<>();
        distinctById(kafka.values(Topics.TELEPHONY_COMMANDS, command -> callers.containsKey(command.get("callId"))))
                .forEach(command -> byCall.computeIfAbsent((String) command.get("callId"), c -> new ArrayList<>())
                        .add(text(command)));
        return byCall;
    }

    private static String text(Map<String, Object> command) {
        return command.get("argument") == null ? (String) command.get("type")
                : command.get("type") + " " + command.get("argument");
    }

    /** The room's domain events, each once, in sequence order. */
    List<Map<String, Object>> events(Room room) {
        return distinctById(kafka.values(Topics.MEETING_EVENTS,
                event -> ((Number) event.get("meetingNumber")).longValue() == room.meetingNumber())).stream()
                .sorted(Comparator.comparingLong(StormRooms::sequence)).toList();
    }

    List<Object> types(Room room) {
        return events(room).stream().map(event -> event.get("type")).toList();
    }

    long count(Room room, String type) {
        return types(room).stream().filter(type::equals).count();
    }

    /** Sequences 1, 2, 3, … with no gap and no repeat. */
    static void assertGapless(List<Map<String, Object>> events) {
        for (int i = 0; i < events.size(); i++) {
            assertThat(sequence(events.get(i))).as("gapless, never repeated").isEqualTo(i + 1L);
        }
    }

    static long sequence(Map<String, Object> event) {
        return ((Number) event.get("sequence")).longValue();
    }

    /** The {@code data.meeting} or {@code data.call} of an event, or null. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> data(Map<String, Object> event, String name) {
        return (Map<String, Object>) ((Map<String, Object>) event.get("data")).get(name);
    }

    /** The Calls the room's owner sees through the API of the instance at {@code baseUrl}. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> calls(String baseUrl, Room room) throws IOException, InterruptedException {
        Map<String, Object> page = json.readValue(answer(baseUrl, room, "/calls?limit=1000").body(), OBJECT);
        return (List<Map<String, Object>>) page.get("calls");
    }

    /** The HTTP status of {@code GET /meetings/{n}} as the room's owner. */
    int meetingStatus(String baseUrl, Room room) throws IOException, InterruptedException {
        return answer(baseUrl, room, "/meetings/" + room.meetingNumber()).statusCode();
    }

    private HttpResponse<String> answer(String baseUrl, Room room, String path)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/conference/v1" + path))
                .header(TestIdentities.HEADER, TestIdentities.subscriber(room.ownerSid(), 3,
                        List.of("root", room.ownerSid())))
                .timeout(Duration.ofSeconds(30)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static List<Map<String, Object>> distinctById(List<Map<String, Object>> records) {
        Map<Object, Map<String, Object>> byId = new LinkedHashMap<>();
        records.forEach(record -> byId.putIfAbsent(record.get("id"), record));
        return new ArrayList<>(byId.values());
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private static long now() {
        return System.currentTimeMillis();
    }
}
