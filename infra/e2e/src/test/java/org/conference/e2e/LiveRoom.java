package org.conference.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;

import org.awaitility.core.ThrowingRunnable;

/**
 * One scenario's meeting room, used as a customer would: provisioned through the gateway (a subscriber, a CONF DID
 * group with a DID, the subscriber's room with a host, a participant and a listener code and the room attributes
 * the scenario needs), dialled into at the edge simulator, watched at both ends (the commands the edge received,
 * the Calls and the Meeting through the public API) and finally ended, its domain events read from Kafka.
 */
final class LiveRoom {

    /** Generous: everything here runs on a loaded 2-core machine, through Kafka, between four JVMs. */
    static final Duration WAIT = Duration.ofSeconds(60);
    static final Duration POLL = Duration.ofMillis(250);
    static final int HOST = 1;
    static final int PARTICIPANT = 2;
    static final int LISTENER = 3;

    /** A phone call placed at the simulator and, once it joined, its Call id on the platform. */
    record Caller(String number, String edgeCallId, long callId, int role) {
    }

    private final Platform platform;
    private final JsonHttp api;
    private final JsonHttp simulator;
    private final String ownerSid;
    private final String phoneNumber;
    private final long meetingNumber;
    private final String run;
    private final AtomicInteger dialled = new AtomicInteger();
    private boolean routed;

    private LiveRoom(Platform platform, String ownerSid, String phoneNumber, long meetingNumber, String run) {
        this.platform = platform;
        this.api = platform.publicApi();
        this.simulator = platform.simulatorApi();
        this.ownerSid = ownerSid;
        this.phoneNumber = phoneNumber;
        this.meetingNumber = meetingNumber;
        this.run = run;
    }

    /** A room of its own owner, on a DID of its own, with {@code attributes} set at the room level. */
    static LiveRoom provision(Platform platform, Map<String, String> attributes) {
        JsonHttp api = platform.publicApi();
        String run = Integer.toString(ThreadLocalRandom.current().nextInt(10_000, 100_000));
        String ownerSid = (String) api.post("/subscribers", Map.of("login", "e2e-controls-" + run,
                "password", "owner-password-" + run, "role", 3, "firstName", "Jane", "lastName", "Doe"))
                .object(200).get("sid");
        long didGroupId = number(api.post("/didGroups", Map.of("name", "e2e controls " + run, "callFlowId", 3))
                .object(200).get("id"));
        String phoneNumber = "1516" + ThreadLocalRandom.current().nextInt(2_000_000, 10_000_000);
        api.post("/dids", Map.of("didGroupId", didGroupId, "phoneNumber", phoneNumber)).expect(200);
        List<Map<String, String>> roomAttributes = attributes.entrySet().stream()
                .map(attribute -> Map.of("name", attribute.getKey(), "value", attribute.getValue())).toList();
        Map<String, Object> room = api.post("/subscribers/" + ownerSid + "/meetingRooms", Map.of(
                "primaryDidGroupId", didGroupId,
                "attributes", roomAttributes,
                "keychain", List.of(Map.of("accessCode", code(run, HOST), "role", HOST),
                        Map.of("accessCode", code(run, PARTICIPANT), "role", PARTICIPANT),
                        Map.of("accessCode", code(run, LISTENER), "role", LISTENER)))).object(200);
        return new LiveRoom(platform, ownerSid, phoneNumber, number(room.get("meetingNumber")), run);
    }

    long meetingNumber() {
        return meetingNumber;
    }

    String ownerSid() {
        return ownerSid;
    }

    /** The room's DID: what a phone dials. */
    String did() {
        return phoneNumber;
    }

    /** The room's access code of {@code role}, without its {@code #}. */
    String code(int role) {
        return code(run, role);
    }

    /** A caller number of this room's own, for a phone that dials the DID itself (digits only, as a SIP user). */
    String nextCallerNumber() {
        return "1212" + run + String.format("%02d", dialled.incrementAndGet());
    }

    /** A caller of {@code role} dials, keys its code and {@code #}, and is in the meeting's mix at both ends. */
    Caller join(int role) {
        String edgeCallId = dialAndKeyCode(role);
        String number = numberOf(edgeCallId);
        await(number + " (role " + role + ") in meeting " + meetingNumber).atMost(WAIT).pollInterval(POLL)
                .untilAsserted(() -> {
                    assertThat(callOf(number)).as("the Call of " + number).isNotNull()
                            .containsEntry("state", 2).containsEntry("role", role).containsKey("joined")
                            .containsEntry("meetingNumber", (int) meetingNumber);
                    assertThat(edge(edgeCallId)).containsEntry("state", "in-meeting");
                });
        return new Caller(number, edgeCallId, number(callOf(number).get("id")), role);
    }

    /**
     * A caller of {@code role} dials and keys its code and {@code #}; the edge call id. The room's first caller is
     * dialled again until meeting-service routes it: its directory learns the new DID from provisioning's topics in
     * its own time and hangs up on a number it does not know yet.
     */
    String dialAndKeyCode(int role) {
        String number = "+1212" + run + String.format("%02d", dialled.incrementAndGet());
        AtomicReference<String> attempt = new AtomicReference<>(placeCall(number));
        await("meeting-service routes " + number + " to " + phoneNumber).atMost(WAIT).pollInterval(POLL)
                .until(() -> {
                    if (callOf(number) != null) {
                        return true;
                    }
                    if (!routed && "ended".equals(edge(attempt.get()).get("state"))) {
                        attempt.set(placeCall(number));
                    }
                    return false;
                });
        routed = true;
        simulator.post("/calls/" + attempt.get() + "/dtmf", Map.of("digits", code(run, role) + "#")).expect(202);
        return attempt.get();
    }

    /** The caller keys {@code digits} at its phone (one {@code call.dtmf} event). */
    void keys(Caller caller, String digits) {
        simulator.post("/calls/" + caller.edgeCallId() + "/dtmf", Map.of("digits", digits)).expect(202);
    }

    /** The caller keys {@code digits} one event per digit, as a real edge reports RFC 4733 events. */
    void keysOneByOne(Caller caller, String digits) {
        for (char digit : digits.toCharArray()) {
            keys(caller, String.valueOf(digit));
        }
    }

    /** The caller hangs up at its phone. */
    void hangsUp(Caller caller) {
        simulator.delete("/calls/" + caller.edgeCallId()).expect(204);
    }

    /** The call at the simulator: {@code state}, {@code muted}, {@code held}, {@code recording}, {@code endedBy}. */
    Map<String, Object> edge(Caller caller) {
        return edge(caller.edgeCallId());
    }

    Map<String, Object> edge(String edgeCallId) {
        return simulator.get("/calls/" + edgeCallId).object(200);
    }

    /** The commands the edge applied to the call, in order, as {@code "type argument"} ({@code "mute"} alone). */
    List<String> commands(Caller caller) {
        return commands(caller.edgeCallId());
    }

    @SuppressWarnings("unchecked")
    List<String> commands(String edgeCallId) {
        List<String> commands = new ArrayList<>();
        for (Map<String, Object> command : (List<Map<String, Object>>) edge(edgeCallId).get("commands")) {
            Object argument = command.get("argument");
            commands.add(command.get("type") + (argument == null ? "" : " " + argument));
        }
        return commands;
    }

    /** The prompts played to the call, in order. */
    List<String> prompts(Caller caller) {
        return commands(caller).stream().filter(command -> command.startsWith("play "))
                .map(command -> command.substring("play ".length())).toList();
    }

    /** Waits until the caller has heard {@code prompt} {@code times} times in all. */
    void awaitPrompt(Caller caller, String prompt, int times) {
        await(caller.number() + " hears " + prompt + " (" + times + " in all)").atMost(WAIT).pollInterval(POLL)
                .untilAsserted(() -> assertThat(prompts(caller)).filteredOn(prompt::equals).hasSize(times));
    }

    void awaitPrompt(Caller caller, String prompt) {
        awaitPrompt(caller, prompt, 1);
    }

    /** Waits until {@code expectation} holds, polling as every other wait here does. */
    static void eventually(String what, ThrowingRunnable expectation) {
        await(what).atMost(WAIT).pollInterval(POLL).untilAsserted(expectation);
    }

    /** The Call as the public API answers it. */
    Map<String, Object> call(Caller caller) {
        return api.get("/calls/" + caller.callId()).object(200);
    }

    /** The Meeting as the public API answers it. */
    Map<String, Object> meeting() {
        return api.get("/meetings/" + meetingNumber).object(200);
    }

    /** The Meeting's {@code attributes}: what was changed on the live meeting. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> changedAttributes() {
        return (List<Map<String, Object>>) meeting().get("attributes");
    }

    /** The value of {@code name} in {@code GET /meetings/{n}/attributes} (the set in force and the runtime ones). */
    String attribute(String name) {
        return api.get("/meetings/" + meetingNumber + "/attributes?limit=1000").array().stream()
                .filter(attribute -> name.equals(attribute.get("name"))).map(attribute -> (String) attribute.get("value"))
                .findFirst().orElseThrow(() -> new AssertionError(name + " is not among the meeting's attributes"));
    }

    /** {@code PUT /meetings/{n}/attributes/{name}}: answers the array with the changed attribute. */
    void setAttribute(String name, String value) {
        assertThat(api.put("/meetings/" + meetingNumber + "/attributes/" + name, Map.of("value", value))
                .expect(200).array()).containsExactly(Map.of("name", name, "value", value));
    }

    /** {@code PUT /calls/{id}}: answers the changed Call. */
    Map<String, Object> updateCall(Caller caller, Map<String, Object> change) {
        return api.put("/calls/" + caller.callId(), change).object(200);
    }

    /** The WAV the edge made of a finished recording (the simulator's {@code GET /recordings/{name}}). */
    byte[] recording(String name) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/recordings/" + name))
                .timeout(Duration.ofSeconds(30)).header("Accept", "audio/wav").GET().build();
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as("GET /recordings/" + name).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("audio/wav");
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("GET /recordings/" + name + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("GET /recordings/" + name + " interrupted", e);
        }
    }

    /**
     * {@code DELETE /meetings/{n}}, then every domain event of the meeting from Kafka, up to its {@code meeting.ended},
     * after checking the sequence runs from 1 without a gap and every event names the meeting and the room's owner.
     */
    List<Map<String, Object>> endAndReadEvents() {
        api.delete("/meetings/" + meetingNumber).expect(204);
        List<Map<String, Object>> events = new MeetingEventsTopic(platform.kafkaBootstrapServers())
                .eventsUntilEnded(meetingNumber, WAIT);
        assertThat(events).extracting(event -> number(event.get("sequence")))
                .as("the sequence of meeting %d's events", meetingNumber)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, events.size()).boxed().toList());
        assertThat(events).allSatisfy(event -> assertThat(event)
                .containsEntry("meetingNumber", (int) meetingNumber).containsEntry("subscriberSid", ownerSid));
        return events;
    }

    /** The events of {@code type}. */
    static List<Map<String, Object>> ofType(List<Map<String, Object>> events, String type) {
        return events.stream().filter(event -> type.equals(event.get("type"))).toList();
    }

    /** The events about {@code caller}'s Call of {@code type}, each as the Call it carries. */
    static List<Map<String, Object>> callsIn(List<Map<String, Object>> events, String type, Caller caller) {
        return ofType(events, type).stream().map(LiveRoom::callOfEvent)
                .filter(call -> call != null && number(call.get("id")) == caller.callId()).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> callOfEvent(Map<String, Object> event) {
        return (Map<String, Object>) ((Map<String, Object>) event.get("data")).get("call");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> meetingOfEvent(Map<String, Object> event) {
        return (Map<String, Object>) ((Map<String, Object>) event.get("data")).get("meeting");
    }

    static long number(Object value) {
        return ((Number) value).longValue();
    }

    private String placeCall(String from) {
        return (String) simulator.post("/calls", Map.of("from", from, "to", phoneNumber)).object(201).get("id");
    }

    private String numberOf(String edgeCallId) {
        return (String) edge(edgeCallId).get("from");
    }

    /** The Call of {@code callerNumber} in {@code GET /calls}, or null when there is none. */
    @SuppressWarnings("unchecked")
    Map<String, Object> callOf(String callerNumber) {
        List<Map<String, Object>> calls = (List<Map<String, Object>>) api.get("/calls?limit=1000").object(200)
                .get("calls");
        return calls.stream().filter(call -> callerNumber.equals(call.get("caller"))).findFirst().orElse(null);
    }

    private static String code(String run, int role) {
        return role + run;
    }
}
