package org.conference.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 10's "the simulator drives calls end to end": the real services, each its own process from its built jar,
 * driven only through the gateway's public API (as the root administrator) and the edge simulator's HTTP API.
 * Three callers dial a room's DID and key in their codes (one whole, one after a wrong code, one digit by digit),
 * are seen in the meeting, muted, hung up by the API and by the caller, and the meeting is ended; the domain events
 * on Kafka tell the same story with a gapless sequence.
 */
@ExtendWith(SharedPlatform.class)
@Order(1)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimulatedCallsEndToEndTest {

    /** Generous: everything here runs on a loaded 2-core machine, through Kafka, between four JVMs. */
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(250);

    private Platform platform;
    private JsonHttp api;
    private JsonHttp simulator;

    /** What was provisioned: the room's owner, the number to dial, the room and its codes. */
    record Room(String ownerSid, String phoneNumber, long meetingNumber, String hostCode, String participantCode,
            String listenerCode) {
    }

    /** A phone call placed at the simulator: the caller's number (the Call's {@code caller}) and the edge's id. */
    record Caller(String number, String edgeCallId) {
    }

    @BeforeAll
    void useThePlatform(Platform shared) {
        platform = shared;
        api = platform.publicApi();
        simulator = platform.simulatorApi();
    }

    @Test
    void callersDialKeyTheirCodesJoinAreChangedAndHungUpAndTheMeetingIsEnded() {
        Room room = provision();
        String numbers = "+1212" + ThreadLocalRandom.current().nextInt(200_000, 1_000_000);
        Caller host = dialUntilRouted(room, numbers + "1");
        Caller participant = dial(room, numbers + "2");
        Caller listener = dial(room, numbers + "3");

        keyCodes(room, host, participant, listener);
        long hostId = seenInTheMeeting(room, host, 1, room.hostCode());
        long participantId = seenInTheMeeting(room, participant, 2, room.participantCode());
        long listenerId = seenInTheMeeting(room, listener, 3, room.listenerCode());
        assertThat(calls()).hasSize(3);
        assertThat(api.get("/meetings/" + room.meetingNumber()).object(200))
                .containsEntry("meetingNumber", (int) room.meetingNumber())
                .containsEntry("participantCount", 3)
                .containsEntry("subscriberName", "John Smith");

        muteFromTheApi(participant, participantId);
        hangUpFromTheApi(room, listener, listenerId);
        hangUpAtThePhone(room, participant);
        endTheMeeting(room, host);

        theEventsTellTheSameStory(room, hostId, participantId, listenerId);
    }

    /** What a webhook receiver would learn: every step, in order, numbered without a gap. */
    private void theEventsTellTheSameStory(Room room, long hostId, long participantId, long listenerId) {
        List<Map<String, Object>> events = new MeetingEventsTopic(platform.kafkaBootstrapServers())
                .eventsUntilEnded(room.meetingNumber(), WAIT);
        assertThat(events).extracting(event -> event.get("type")).containsExactly(
                "call.created", "meeting.started", "call.joined",
                "call.created", "call.joined",
                "call.created", "call.joined",
                "call.updated", "call.left", "call.left", "call.left", "meeting.ended");
        assertThat(events).extracting(event -> number(event.get("sequence")))
                .containsExactlyElementsOf(LongStream.rangeClosed(1, events.size()).boxed().toList());
        assertThat(events).allSatisfy(event -> assertThat(event)
                .containsEntry("meetingNumber", (int) room.meetingNumber())
                .containsEntry("subscriberSid", room.ownerSid()));
        assertThat(events).filteredOn(event -> "call.joined".equals(event.get("type")))
                .extracting(event -> number(call(event).get("id")), event -> call(event).get("role"))
                .containsExactlyInAnyOrder(tuple(hostId, 1), tuple(participantId, 2), tuple(listenerId, 3));
        assertThat(events).filteredOn(event -> "call.updated".equals(event.get("type"))).singleElement()
                .satisfies(event -> {
                    assertThat(number(call(event).get("id"))).isEqualTo(participantId);
                    assertThat(call(event)).containsEntry("muteMode", 40);
                });
        assertThat(events).filteredOn(event -> "call.left".equals(event.get("type")))
                .extracting(event -> number(call(event).get("id")))
                .containsExactly(listenerId, participantId, hostId);
    }

    /** A subscriber, a DID group of the CONF call flow with a DID, and the subscriber's room with three keys. */
    private Room provision() {
        String run = Integer.toString(ThreadLocalRandom.current().nextInt(10_000, 100_000));
        String ownerSid = (String) api.post("/subscribers", Map.of("login", "e2e-owner-" + run,
                "password", "owner-password-" + run, "role", 3, "firstName", "John", "lastName", "Smith"))
                .object(200).get("sid");
        long didGroupId = number(api.post("/didGroups", Map.of("name", "e2e " + run, "callFlowId", 3))
                .object(200).get("id"));
        String phoneNumber = "1516" + ThreadLocalRandom.current().nextInt(2_000_000, 10_000_000);
        api.post("/dids", Map.of("didGroupId", didGroupId, "phoneNumber", phoneNumber)).expect(200);
        Map<String, Object> room = api.post("/subscribers/" + ownerSid + "/meetingRooms", Map.of(
                "primaryDidGroupId", didGroupId,
                "keychain", List.of(Map.of("accessCode", "1" + run, "role", 1),
                        Map.of("accessCode", "2" + run, "role", 2),
                        Map.of("accessCode", "3" + run, "role", 3)))).object(200);
        assertThat(room).containsEntry("subscriberSid", ownerSid);
        return new Room(ownerSid, phoneNumber, number(room.get("meetingNumber")), "1" + run, "2" + run, "3" + run);
    }

    /**
     * The first call: meeting-service learns the DID and room from provisioning's topics in its own time, and
     * hangs up (leaving no Call) on a number it does not know yet. Dial again until the call is routed.
     */
    private Caller dialUntilRouted(Room room, String number) {
        AtomicReference<String> attempt = new AtomicReference<>(placeCall(number, room));
        await("meeting-service routes a call to " + room.phoneNumber()).atMost(WAIT).pollInterval(POLL)
                .until(() -> {
                    if (callOf(number) != null) {
                        return true;
                    }
                    if ("ended".equals(simulator.get("/calls/" + attempt.get()).object(200).get("state"))) {
                        attempt.set(placeCall(number, room));
                    }
                    return false;
                });
        return new Caller(number, attempt.get());
    }

    private Caller dial(Room room, String number) {
        Caller caller = new Caller(number, placeCall(number, room));
        await(number + " keying in its code").atMost(WAIT).pollInterval(POLL).untilAsserted(() ->
                assertThat(callOf(number)).as("the Call of " + number).isNotNull().containsEntry("state", 1)
                        .containsEntry("callee", room.phoneNumber()));
        return caller;
    }

    private String placeCall(String from, Room room) {
        return (String) simulator.post("/calls", Map.of("from", from, "to", room.phoneNumber())).object(201)
                .get("id");
    }

    /** The host keys its code at once, the participant after a wrong one, the listener one digit per request. */
    private void keyCodes(Room room, Caller host, Caller participant, Caller listener) {
        keyIn(host, room.hostCode() + "#");
        // Wrong only in its last digit: every digit before it still continues a code, so this is one wrong attempt
        // (a digit that continues no code counts as a wrong attempt of its own, and three hang up).
        String code = room.participantCode();
        char last = code.charAt(code.length() - 1);
        keyIn(participant, code.substring(0, code.length() - 1) + (last == '9' ? '0' : (char) (last + 1)) + "#");
        await(participant.number() + " told its code is wrong").atMost(WAIT).pollInterval(POLL)
                .untilAsserted(() -> assertThat(commands(participant))
                        .contains(tuple("play", "invalid-code")));
        assertThat(callOf(participant.number())).as("one wrong code: still keying").containsEntry("state", 1);
        keyIn(participant, code);
        for (char digit : room.listenerCode().toCharArray()) {
            keyIn(listener, String.valueOf(digit));
        }
    }

    private void keyIn(Caller caller, String digits) {
        simulator.post("/calls/" + caller.edgeCallId() + "/dtmf", Map.of("digits", digits)).expect(202);
    }

    /** In the meeting at both ends: a Call in state 2 with its role and code, and {@code in-meeting} at the edge. */
    private long seenInTheMeeting(Room room, Caller caller, int role, String accessCode) {
        await(caller.number() + " in meeting " + room.meetingNumber()).atMost(WAIT).pollInterval(POLL)
                .untilAsserted(() -> {
                    assertThat(callOf(caller.number())).as("the Call of " + caller.number()).isNotNull()
                            .containsEntry("state", 2).containsEntry("meetingNumber", (int) room.meetingNumber())
                            .containsEntry("role", role).containsEntry("accessCode", accessCode);
                    assertThat(atTheEdge(caller)).containsEntry("state", "in-meeting")
                            .containsEntry("meetingNumber", (int) room.meetingNumber());
                });
        return number(callOf(caller.number()).get("id"));
    }

    private void muteFromTheApi(Caller caller, long callId) {
        assertThat(api.put("/calls/" + callId, Map.of("muteMode", 40)).object(200)).containsEntry("muteMode", 40);
        await(caller.number() + " muted at the edge").atMost(WAIT).pollInterval(POLL)
                .untilAsserted(() -> assertThat(atTheEdge(caller)).containsEntry("muted", true));
    }

    private void hangUpFromTheApi(Room room, Caller caller, long callId) {
        api.delete("/calls/" + callId).expect(204);
        await(caller.number() + " hung up by the platform").atMost(WAIT).pollInterval(POLL)
                .untilAsserted(() -> assertThat(atTheEdge(caller)).containsEntry("state", "ended")
                        .containsEntry("endedBy", "server"));
        await("two callers left in the meeting").atMost(WAIT).pollInterval(POLL).untilAsserted(() -> {
            assertThat(callOf(caller.number())).as("the Call of " + caller.number()).isNull();
            assertThat(api.get("/meetings/" + room.meetingNumber()).object(200)).containsEntry("participantCount", 2);
        });
    }

    private void hangUpAtThePhone(Room room, Caller caller) {
        simulator.delete("/calls/" + caller.edgeCallId()).expect(204);
        await(caller.number() + " gone from the platform").atMost(WAIT).pollInterval(POLL).untilAsserted(() -> {
            assertThat(callOf(caller.number())).as("the Call of " + caller.number()).isNull();
            assertThat(api.get("/meetings/" + room.meetingNumber()).object(200)).containsEntry("participantCount", 1);
        });
        assertThat(atTheEdge(caller)).containsEntry("state", "ended").containsEntry("endedBy", "caller");
    }

    private void endTheMeeting(Room room, Caller lastCaller) {
        api.delete("/meetings/" + room.meetingNumber()).expect(204);
        await(lastCaller.number() + " hung up as the meeting ended").atMost(WAIT).pollInterval(POLL)
                .untilAsserted(() -> assertThat(atTheEdge(lastCaller)).containsEntry("state", "ended")
                        .containsEntry("endedBy", "server"));
        await("meeting " + room.meetingNumber() + " gone").atMost(WAIT).pollInterval(POLL)
                .untilAsserted(() -> assertThat(api.get("/meetings/" + room.meetingNumber()).status()).isEqualTo(404));
        assertThat(api.get("/meetings/" + room.meetingNumber()).object()).containsKeys("message", "errors");
        await("no calls left on the platform").atMost(WAIT).pollInterval(POLL).untilAsserted(() -> {
            Map<String, Object> page = api.get("/calls").object(200);
            assertThat(page).containsEntry("total", 0);
            assertThat((List<?>) page.get("calls")).isEmpty();
        });
    }

    /** Every Call on the platform, as the root administrator sees them through the gateway. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> calls() {
        return (List<Map<String, Object>>) api.get("/calls?limit=100").object(200).get("calls");
    }

    private Map<String, Object> callOf(String callerNumber) {
        return calls().stream().filter(call -> callerNumber.equals(call.get("caller"))).findFirst().orElse(null);
    }

    private Map<String, Object> atTheEdge(Caller caller) {
        return simulator.get("/calls/" + caller.edgeCallId()).object(200);
    }

    /** The commands the simulator applied to the call, as (type, argument). */
    @SuppressWarnings("unchecked")
    private List<Tuple> commands(Caller caller) {
        return ((List<Map<String, Object>>) atTheEdge(caller).get("commands")).stream()
                .map(command -> tuple(command.get("type"), command.get("argument"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> call(Map<String, Object> event) {
        return (Map<String, Object>) ((Map<String, Object>) event.get("data")).get("call");
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
