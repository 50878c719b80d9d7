package org.conference.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.groups.Tuple;

/**
 * What the meeting-rules scenarios do as users of the platform: provision a room of their own with the attributes
 * under test (through the gateway, as the root administrator), dial it at the edge simulator and key a role's code,
 * and look at the result where a user would: the simulator's view of each phone call, the Calls and Meetings of
 * the public API, and meeting-service's refusal counter.
 */
final class RuleScenarios {

    /** Generous: everything here runs on a loaded 2-core machine, through Kafka, between four JVMs. */
    static final Duration WAIT = Duration.ofSeconds(60);
    static final Duration POLL = Duration.ofMillis(250);

    static final int HOST = 1;
    static final int PARTICIPANT = 2;
    static final int LISTENER = 3;

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)}\\s+(\\S+)");

    private final JsonHttp api;
    private final JsonHttp simulator;
    /** Every meeting-service instance's {@code /actuator/prometheus}: a refusal is counted where it happened. */
    private final List<String> meetingMetrics;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Every caller of the run has a number of its own, so its Call is found by {@code caller}. */
    private final AtomicLong lastNumber = new AtomicLong(ThreadLocalRandom.current().nextLong(2_000_000, 8_000_000));

    RuleScenarios(Platform platform) {
        this.api = platform.publicApi();
        this.simulator = platform.simulatorApi();
        this.meetingMetrics = platform.managementUrls().get(Platform.MEETING).stream()
                .map(url -> url + "/actuator/prometheus").toList();
    }

    /** A room of its own owner and DID group, reached by one DID, with one code per role. */
    record Room(String ownerSid, String phoneNumber, long meetingNumber, String hostCode, String participantCode,
            String listenerCode) {

        String code(int role) {
            return switch (role) {
                case HOST -> hostCode;
                case PARTICIPANT -> participantCode;
                case LISTENER -> listenerCode;
                default -> throw new IllegalArgumentException("role " + role);
            };
        }
    }

    /** A phone call placed at the simulator: the caller's number (the Call's {@code caller}) and the edge's id. */
    record Caller(String number, String edgeCallId, Room room, int role) {
    }

    JsonHttp api() {
        return api;
    }

    /**
     * A subscriber, a DID group of the CONF call flow, the subscriber's room with a host, a participant and a
     * listener key and {@code attributes} (name → value, set at the room's level), then the DID: a routed call
     * then means meeting-service knows the room too.
     */
    Room provision(Map<String, Object> attributes) {
        String run = Integer.toString(ThreadLocalRandom.current().nextInt(10_000, 100_000));
        String ownerSid = (String) api.post("/subscribers", Map.of("login", "e2e-rules-" + run,
                "password", "owner-password-" + run, "role", 3, "firstName", "Rules", "lastName", "Owner" + run))
                .object(200).get("sid");
        long didGroupId = number(api.post("/didGroups", Map.of("name", "e2e rules " + run, "callFlowId", 3))
                .object(200).get("id"));
        List<Map<String, Object>> roomAttributes = new ArrayList<>();
        attributes.forEach((name, value) -> roomAttributes.add(Map.of("name", name, "value", value)));
        Map<String, Object> room = api.post("/subscribers/" + ownerSid + "/meetingRooms", Map.of(
                "primaryDidGroupId", didGroupId,
                "attributes", roomAttributes,
                "keychain", List.of(Map.of("accessCode", "1" + run, "role", HOST),
                        Map.of("accessCode", "2" + run, "role", PARTICIPANT),
                        Map.of("accessCode", "3" + run, "role", LISTENER)))).object(200);
        String phoneNumber = "1516" + ThreadLocalRandom.current().nextInt(2_000_000, 10_000_000);
        api.post("/dids", Map.of("didGroupId", didGroupId, "phoneNumber", phoneNumber)).expect(200);
        return new Room(ownerSid, phoneNumber, number(room.get("meetingNumber")), "1" + run, "2" + run, "3" + run);
    }

    /** A caller of {@code role} dials the room and keys its code; where it ends up is the scenario's question. */
    Caller enter(Room room, int role) {
        Caller caller = dial(room, role);
        key(caller, room.code(role) + "#");
        return caller;
    }

    /**
     * A call to the room's DID, keying in its code (a Call in state 1). meeting-service learns DIDs and rooms from
     * provisioning's topics in its own time and hangs up, leaving no Call, on a number it does not know yet: the
     * first caller of a room dials again until it is routed.
     */
    Caller dial(Room room, int role) {
        String number = "+1212" + lastNumber.incrementAndGet();
        AtomicReference<String> attempt = new AtomicReference<>(placeCall(number, room));
        await(number + " routed to " + room.phoneNumber()).atMost(WAIT).pollInterval(POLL).until(() -> {
            Map<String, Object> call = call(number);
            if (call != null) {
                assertThat(call).containsEntry("state", 1).containsEntry("callee", room.phoneNumber());
                return true;
            }
            if ("ended".equals(simulator.get("/calls/" + attempt.get()).object(200).get("state"))) {
                attempt.set(placeCall(number, room));
            }
            return false;
        });
        return new Caller(number, attempt.get(), room, role);
    }

    void key(Caller caller, String digits) {
        simulator.post("/calls/" + caller.edgeCallId() + "/dtmf", Map.of("digits", digits)).expect(202);
    }

    void hangUpAtThePhone(Caller caller) {
        simulator.delete("/calls/" + caller.edgeCallId()).expect(204);
    }

    /** Joined: a Call in state 2 with its role and {@code joined}, and {@code in-meeting}, off hold, at the edge. */
    Map<String, Object> awaitInMeeting(Caller caller) {
        await(caller.number() + " in meeting " + caller.room().meetingNumber()).atMost(WAIT).pollInterval(POLL)
                .untilAsserted(() -> {
                    assertThat(call(caller)).as("the Call of " + caller.number()).isNotNull()
                            .containsEntry("state", 2)
                            .containsEntry("meetingNumber", (int) caller.room().meetingNumber())
                            .containsEntry("role", caller.role()).containsEntry("holdMode", 0).containsKey("joined");
                    assertThat(atTheEdge(caller)).containsEntry("state", "in-meeting")
                            .containsEntry("meetingNumber", (int) caller.room().meetingNumber())
                            .containsEntry("held", false);
                });
        return call(caller);
    }

    /**
     * Waiting for the start: a Call in the meeting (state 2, its meeting number) on hold (40) and not joined; at
     * the edge held, answered but in no mix, having heard {@code waiting-for-host}.
     */
    Map<String, Object> awaitWaiting(Caller caller) {
        await(caller.number() + " waiting for meeting " + caller.room().meetingNumber()).atMost(WAIT)
                .pollInterval(POLL).untilAsserted(() -> {
                    assertThat(call(caller)).as("the Call of " + caller.number()).isNotNull()
                            .containsEntry("state", 2)
                            .containsEntry("meetingNumber", (int) caller.room().meetingNumber())
                            .containsEntry("holdMode", 40).doesNotContainKey("joined");
                    assertThat(atTheEdge(caller)).containsEntry("state", "answered").containsEntry("held", true);
                    assertThat(commands(caller)).contains(tuple("hold", null), tuple("play", "waiting-for-host"))
                            .doesNotContain(tuple("join", Long.toString(caller.room().meetingNumber())));
                });
        return call(caller);
    }

    /**
     * Hung up by the platform after hearing {@code prompt}: ended by the server at the edge, the {@code play} of
     * {@code prompt} right before the {@code hangup}, and its Call gone.
     */
    void awaitHungUpAfter(Caller caller, String prompt) {
        await(caller.number() + " hung up after " + prompt).atMost(WAIT).pollInterval(POLL).untilAsserted(() -> {
            assertThat(atTheEdge(caller)).containsEntry("state", "ended").containsEntry("endedBy", "server");
            List<Tuple> commands = commands(caller);
            assertThat(commands.subList(Math.max(0, commands.size() - 2), commands.size()))
                    .containsExactly(tuple("play", prompt), tuple("hangup", null));
            assertThat(call(caller)).as("the Call of " + caller.number()).isNull();
        });
    }

    /**
     * Turned away at the door: it heard {@code prompt} and was hung up, and never joined a mix or waited on hold
     * for the meeting; its Call is gone.
     */
    void awaitRefused(Caller caller, String prompt) {
        awaitHungUpAfter(caller, prompt);
        assertThat(receivedCommands(caller)).extracting(command -> command.get("type"))
                .as("commands to " + caller.number()).doesNotContain("join", "hold");
    }

    /** The Call of {@code caller} as the root administrator sees it through the gateway, or null. */
    Map<String, Object> call(Caller caller) {
        return call(caller.number());
    }

    long callId(Caller caller) {
        Map<String, Object> call = call(caller);
        assertThat(call).as("the Call of " + caller.number()).isNotNull();
        return number(call.get("id"));
    }

    Map<String, Object> atTheEdge(Caller caller) {
        return simulator.get("/calls/" + caller.edgeCallId()).object(200);
    }

    /** The commands the simulator applied to the call, oldest first, as (type, argument). */
    List<Tuple> commands(Caller caller) {
        return receivedCommands(caller).stream().map(command -> tuple(command.get("type"), command.get("argument")))
                .toList();
    }

    /** The commands the simulator applied to the call, oldest first, each with its {@code issuedAt}. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> receivedCommands(Caller caller) {
        return (List<Map<String, Object>>) atTheEdge(caller).get("commands");
    }

    /** When the platform issued the first {@code type} command with {@code argument} (null: any) to the call. */
    long issuedAt(Caller caller, String type, String argument) {
        return receivedCommands(caller).stream()
                .filter(command -> type.equals(command.get("type"))
                        && (argument == null || argument.equals(command.get("argument"))))
                .map(command -> number(command.get("issuedAt"))).findFirst()
                .orElseThrow(() -> new AssertionError(caller.number() + " never got " + type + " " + argument));
    }

    Map<String, Object> meeting(Room room) {
        return api.get("/meetings/" + room.meetingNumber()).object(200);
    }

    /** Every attribute of the live meeting, in force and runtime, as name → value. */
    Map<String, Object> attributes(Room room) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        api.get("/meetings/" + room.meetingNumber() + "/attributes?limit=1000").expect(200).array()
                .forEach(attribute -> attributes.put((String) attribute.get("name"), attribute.get("value")));
        return attributes;
    }

    /** The meeting is over: 404 in the reference's error format, and none of its Calls is left. */
    void awaitMeetingGone(Room room) {
        await("meeting " + room.meetingNumber() + " gone").atMost(WAIT).pollInterval(POLL).untilAsserted(() -> {
            JsonHttp.Answer answer = api.get("/meetings/" + room.meetingNumber());
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.object()).containsKeys("message", "errors");
            assertThat(calls()).noneMatch(call -> call.get("meetingNumber") != null
                    && number(call.get("meetingNumber")) == room.meetingNumber());
        });
    }

    /**
     * {@code conference_calls_refused_total{reason}} summed over every meeting-service instance's management port
     * (0 before the first).
     */
    double refusals(String reason) {
        double total = 0;
        for (String metrics : meetingMetrics) {
            for (String line : scrape(metrics).split("\n")) {
                Matcher sample = SAMPLE.matcher(line);
                if (sample.find() && sample.group(1).equals("conference_calls_refused_total")
                        && sample.group(2).contains("reason=\"" + reason + "\"")) {
                    total += Double.parseDouble(sample.group(3));
                }
            }
        }
        return total;
    }

    private String scrape(String metrics) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(metrics)).timeout(Duration.ofSeconds(30))
                .header("Accept", "text/plain").GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(metrics).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(metrics + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(metrics + " interrupted", e);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> calls() {
        return (List<Map<String, Object>>) api.get("/calls?limit=1000").object(200).get("calls");
    }

    private Map<String, Object> call(String callerNumber) {
        return calls().stream().filter(call -> callerNumber.equals(call.get("caller"))).findFirst().orElse(null);
    }

    private String placeCall(String from, Room room) {
        return (String) simulator.post("/calls", Map.of("from", from, "to", room.phoneNumber())).object(201)
                .get("id");
    }

    static long number(Object value) {
        return ((Number) value).longValue();
    }
}
