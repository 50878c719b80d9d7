package org.conference.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.conference.e2e.Platform.CALLBACK;
import static org.conference.e2e.Platform.MEETING;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Issue 14's whole platform, as a customer would use it: only the gateway's public API (as the root administrator)
 * and the edge simulator's phones. A subscriber with a callback URL (a receiver in this test), a DID group, two DIDs
 * and a room; three callers dial in, are seen in the Calls and the Meeting, one is muted, the host records, one is
 * hung up, the meeting is ended. In the middle, the meeting-service instance that owns the meeting is killed with
 * SIGKILL (the other must take its partitions over) and restarted; later, while webhooks are due (the receiver
 * answers 503 for a while), a callback-service instance is killed and restarted. Then: every event of the meeting on
 * Kafka arrived as a signed webhook, in {@code sequence} order without a gap; the recording is a file of the
 * subscriber, downloadable, a WAV as long as the recording; and a WAV uploaded comes back byte for byte. It runs
 * last ({@code @Order}): it kills processes of the shared platform.
 */
@ExtendWith(SharedPlatform.class)
@Order(10)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WholePlatformEndToEndTest {

    /** Generous: a kill waits out Kafka's session timeout (10 s here) and leases (15 s), on a loaded 2-core machine. */
    static final Duration WAIT = Duration.ofSeconds(120);
    static final Duration POLL = Duration.ofMillis(250);
    private static final String MEETING_REQUESTS = "conference.meeting.requests";

    private Platform platform;
    private JsonHttp api;
    private JsonHttp simulator;
    private WebhookReceiver receiver;

    /** What was provisioned: the room's owner with its webhook secret, the room, its two numbers and its codes. */
    record Room(String ownerSid, String secret, long meetingNumber, String firstDid, String secondDid, String run) {

        String code(int role) {
            return role + run;
        }
    }

    /** A phone call placed at the simulator, and its Call id once it joined. */
    record Caller(String number, String edgeCallId, long callId) {
    }

    /** What the receiver got and what callback-service says of its deliveries, when the scenario fails. */
    @RegisterExtension
    final TestWatcher webhooksOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (receiver != null) {
                receiver.received().forEach(webhook -> System.out.println("webhook " + webhook.id() + " "
                        + (webhook.accepted() ? "accepted" : "refused") + " " + webhook.body()));
                System.out.println("deliveries: " + api.get("/callbacks/deliveries?limit=1000").body());
                System.out.println("endpoints: " + api.get("/callbacks/endpoints").body());
            }
        }
    };

    @BeforeAll
    void useThePlatform(Platform shared) {
        platform = shared;
        api = platform.publicApi();
        simulator = platform.simulatorApi();
        receiver = WebhookReceiver.start();
    }

    @AfterAll
    void stopTheReceiver() {
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void aMeetingRunsToItsEndAndLosesNoWebhookWhileAMeetingAndACallbackInstanceAreKilled() {
        Room room = provision();
        Caller host = join(room, room.firstDid(), 1, "+1212" + room.run() + "01", false);
        Caller participant = join(room, room.secondDid(), 2, "+1212" + room.run() + "02", false);
        Caller listener = join(room, room.firstDid(), 3, "+1212" + room.run() + "03", true);
        theMeetingIsLiveWith(room, 3);
        assertThat(commands(host)).as("the host hears the others come in (conference_entrytones on)")
                .contains("play entry-tone");

        CompletableFuture<Void> meetingBack = killTheMeetingsOwner(room);
        assertThat(api.put("/calls/" + participant.callId(), Map.of("muteMode", 40)).object(200))
                .containsEntry("muteMode", 40);
        eventually("the participant muted at the edge", () -> assertThat(edge(participant)).containsEntry("muted", true));
        record(room, host);
        api.delete("/calls/" + listener.callId()).expect(204);
        eventually("the listener hung up by the platform", () -> assertThat(edge(listener))
                .containsEntry("state", "ended").containsEntry("endedBy", "server"));
        theMeetingIsLiveWith(room, 2);
        meetingBack.join();

        CompletableFuture<Void> callbackBack = endWithWebhooksDueAndKillACallbackInstance(room, host, participant);
        WebhookStory story = WebhookStory.awaitEnded(receiver, room, platform.kafkaBootstrapServers(), WAIT);
        story.tellsTheWholeMeeting(participant.callId());
        RecordingCheck.theRecordingIsAFileOfTheOwner(api, receiver, room, story, WAIT);
        RecordingCheck.anUploadedWavComesBackByteForByte(api, receiver, room, WAIT);
        WebhookStory.awaitEveryRefusedAccepted(receiver, WAIT);
        callbackBack.join();
    }

    /**
     * SIGKILL of the meeting-service instance whose consumer holds the meeting's partition of the requests topic;
     * it is restarted in the background (as a supervisor would) while the scenario goes on.
     */
    private CompletableFuture<Void> killTheMeetingsOwner(Room room) {
        int owner = platform.instanceHolding(MEETING, "meeting-service", requestsPartitionOf(room));
        platform.kill(MEETING, owner);
        return CompletableFuture.runAsync(() -> platform.restart(MEETING, owner));
    }

    /**
     * {@code DELETE /meetings/{n}} while the receiver answers 503; once one of the ending's webhooks was refused
     * (the later ones wait behind it, in order) a callback-service instance is killed and restarted in the
     * background, and the receiver accepts again.
     */
    private CompletableFuture<Void> endWithWebhooksDueAndKillACallbackInstance(Room room, Caller... stillIn) {
        receiver.refuse();
        api.delete("/meetings/" + room.meetingNumber()).expect(204);
        eventually("everyone hung up as the meeting ended", () -> {
            for (Caller caller : stillIn) {
                assertThat(edge(caller)).containsEntry("state", "ended").containsEntry("endedBy", "server");
            }
            assertThat(api.get("/meetings/" + room.meetingNumber()).status()).isEqualTo(404);
        });
        eventually("a webhook of the ending refused by the receiver, so it is due again", () ->
                assertThat(receiver.received()).anyMatch(webhook -> !webhook.accepted()
                        && Long.valueOf(room.meetingNumber()).equals(webhook.meetingNumber())));
        platform.kill(CALLBACK, 0);
        CompletableFuture<Void> callbackBack = CompletableFuture.runAsync(() -> platform.restart(CALLBACK, 0));
        receiver.accept();
        return callbackBack;
    }

    /** A subscriber whose callback is the receiver, a CONF DID group with two DIDs, the subscriber's room. */
    private Room provision() {
        String run = Integer.toString(ThreadLocalRandom.current().nextInt(10_000, 100_000));
        Map<String, Object> owner = api.post("/subscribers", Map.of("login", "e2e-whole-" + run,
                "password", "owner-password-" + run, "role", 3, "firstName", "Whole", "lastName", "Platform",
                "callback", Map.of("url", receiver.url()))).object(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> callback = (Map<String, Object>) owner.get("callback");
        assertThat(callback).containsEntry("url", receiver.url());
        String secret = (String) callback.get("secret");
        assertThat(secret).as("the callback secret shown to its creator").startsWith("whsec_");
        long didGroupId = number(api.post("/didGroups", Map.of("name", "e2e whole " + run, "callFlowId", 3))
                .object(200).get("id"));
        String firstDid = "1516" + ThreadLocalRandom.current().nextInt(2_000_000, 10_000_000);
        String secondDid = "1516" + ThreadLocalRandom.current().nextInt(2_000_000, 10_000_000);
        api.post("/dids", Map.of("didGroupId", didGroupId, "phoneNumber", firstDid)).expect(200);
        api.post("/dids", Map.of("didGroupId", didGroupId, "phoneNumber", secondDid)).expect(200);
        String ownerSid = (String) owner.get("sid");
        Map<String, Object> room = api.post("/subscribers/" + ownerSid + "/meetingRooms", Map.of(
                "primaryDidGroupId", didGroupId,
                "attributes", List.of(Map.of("name", "conference_entrytones", "value", "on"),
                        Map.of("name", "recording_stop_how", "value", "last")),
                "keychain", List.of(Map.of("accessCode", "1" + run, "role", 1),
                        Map.of("accessCode", "2" + run, "role", 2),
                        Map.of("accessCode", "3" + run, "role", 3)))).object(200);
        return new Room(ownerSid, secret, number(room.get("meetingNumber")), firstDid, secondDid, run);
    }

    /**
     * A caller dials {@code did}, again while meeting-service does not know the number yet (it learns DIDs from
     * provisioning's topics in its own time and hangs up on an unknown one), keys its code (whole, or one digit
     * per event as a real edge reports them) and is in the meeting at both ends.
     */
    private Caller join(Room room, String did, int role, String number, boolean digitByDigit) {
        AtomicReference<String> attempt = new AtomicReference<>(placeCall(number, did));
        eventually(number + " routed to " + did, () -> {
            if (callOf(number) == null && "ended".equals(edge(attempt.get()).get("state"))) {
                attempt.set(placeCall(number, did));
            }
            assertThat(callOf(number)).as("the Call of " + number).isNotNull().containsEntry("state", 1);
        });
        String code = room.code(role);
        if (digitByDigit) {
            for (char digit : code.toCharArray()) {
                key(attempt.get(), String.valueOf(digit));
            }
        } else {
            key(attempt.get(), code + "#");
        }
        eventually(number + " in meeting " + room.meetingNumber(), () -> {
            assertThat(callOf(number)).as("the Call of " + number).isNotNull().containsEntry("state", 2)
                    .containsEntry("role", role).containsEntry("meetingNumber", (int) room.meetingNumber());
            assertThat(edge(attempt.get())).containsEntry("state", "in-meeting");
        });
        return new Caller(number, attempt.get(), number(callOf(number).get("id")));
    }

    /** {@code GET /calls} filtered on the meeting and {@code GET /meetings} agree on who is in. */
    @SuppressWarnings("unchecked")
    private void theMeetingIsLiveWith(Room room, int participants) {
        eventually(participants + " in meeting " + room.meetingNumber(), () -> {
            Map<String, Object> calls = api.get("/calls?filter=" + URLEncoder.encode(
                    "meetingNumber eq " + room.meetingNumber(), StandardCharsets.UTF_8)).object(200);
            assertThat((List<Map<String, Object>>) calls.get("calls")).hasSize(participants)
                    .allSatisfy(call -> assertThat(call).containsEntry("state", 2));
            List<Map<String, Object>> meetings = (List<Map<String, Object>>) api.get("/meetings?limit=1000")
                    .object(200).get("meetings");
            assertThat(meetings).filteredOn(meeting -> number(meeting.get("meetingNumber")) == room.meetingNumber())
                    .singleElement().satisfies(meeting -> assertThat(meeting)
                            .containsEntry("participantCount", participants)
                            .containsEntry("subscriberName", "Whole Platform"));
        });
    }

    /**
     * The host's {@code *2} starts a recording. Its digits go through Kafka to the meeting's owner: with the killed
     * instance's partitions not yet handed over, this is what waits for the other instance to take them.
     */
    private void record(Room room, Caller host) {
        key(host.edgeCallId(), "*2");
        eventually("the meeting records", () -> {
            assertThat(edge(host)).containsEntry("recording", true);
            assertThat(commands(host)).contains("play recording-started");
            assertThat(api.get("/meetings/" + room.meetingNumber()).object(200)).containsEntry("isRecording", true);
        });
    }

    /** The partition of the meeting's requests topic (keyed by meeting number) whose consumer owns the meeting. */
    private TopicPartition requestsPartitionOf(Room room) {
        byte[] key = Long.toString(room.meetingNumber()).getBytes(StandardCharsets.UTF_8);
        int partitions = new KafkaGroups(platform.kafkaBootstrapServers()).partitions(MEETING_REQUESTS);
        return new TopicPartition(MEETING_REQUESTS, Utils.toPositive(Utils.murmur2(key)) % partitions);
    }

    private String placeCall(String from, String did) {
        return (String) simulator.post("/calls", Map.of("from", from, "to", did)).object(201).get("id");
    }

    private void key(String edgeCallId, String digits) {
        simulator.post("/calls/" + edgeCallId + "/dtmf", Map.of("digits", digits)).expect(202);
    }

    private Map<String, Object> edge(Caller caller) {
        return edge(caller.edgeCallId());
    }

    private Map<String, Object> edge(String edgeCallId) {
        return simulator.get("/calls/" + edgeCallId).object(200);
    }

    /** The commands the edge applied to the call, in order, as {@code "type argument"}. */
    @SuppressWarnings("unchecked")
    private List<String> commands(Caller caller) {
        return ((List<Map<String, Object>>) edge(caller).get("commands")).stream()
                .map(command -> command.get("type") + (command.get("argument") == null ? "" : " "
                        + command.get("argument"))).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> callOf(String callerNumber) {
        List<Map<String, Object>> calls = (List<Map<String, Object>>) api.get("/calls?limit=1000").object(200)
                .get("calls");
        return calls.stream().filter(call -> callerNumber.equals(call.get("caller"))).findFirst().orElse(null);
    }

    static void eventually(String what, ThrowingRunnable expectation) {
        await(what).atMost(WAIT).pollInterval(POLL).untilAsserted(expectation);
    }

    static long number(Object value) {
        return ((Number) value).longValue();
    }
}
