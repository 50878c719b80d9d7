package org.conference.meeting.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.conference.common.events.AttributeSetting;
import org.conference.common.events.DidGroupReference;
import org.conference.common.events.MeetingKey;
import org.conference.common.events.MeetingRoomState;
import org.conference.common.events.TelephonyCommand;
import org.conference.common.events.TelephonyEvent;
import org.conference.common.events.Topics;
import org.conference.meeting.meetings.MeetingMetrics;
import org.conference.testsupport.PrometheusScrape;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A dial-in's whole life over the real broker and Mongo: routed by the DID, code keyed in, joined, seen through the
 * API, changed, hung up; the meeting starts with its first caller and ends with its last, and every step is an
 * event with a gapless per-meeting sequence.
 */
class CallLifeTest extends LiveTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalManagementPort
    private int managementPort;

    @Test
    void aCallerDialsKeysACodeJoinsAndHangsUpAndTheMeetingLivesAsLongAsItsCallers() {
        Provisioned room = provision();
        Dialled call = dial(room);

        Map<String, Object> waiting = callOf(room.ownerSid(), call.caller());
        assertThat(waiting).containsEntry("state", 1).containsEntry("callee", room.phoneNumber())
                .containsEntry("codec", "PCMU").containsEntry("bridgeName", "SIM-1").containsEntry("nodeName", "127.0.0.1")
                .containsEntry("connectionStatus", 0).doesNotContainKeys("meetingNumber", "accessCode", "role", "joined");

        key(call.edgeCallId(), room.participantCode());

        await().atMost(WAIT).untilAsserted(() -> assertThat(callOf(room.ownerSid(), call.caller()))
                .containsEntry("state", 2).containsEntry("meetingNumber", (int) room.meetingNumber())
                .containsEntry("role", 2).containsEntry("accessCode", room.participantCode())
                .containsKey("joined"));
        assertThat(commandsFor(call.edgeCallId())).extracting(command -> command.get("type"), c -> c.get("argument"))
                .contains(tuple(TelephonyCommand.JOIN,
                        Long.toString(room.meetingNumber())));
        Map<String, Object> meeting = object(get(owner(room.ownerSid()), "/meetings/" + room.meetingNumber())
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody());
        assertThat(meeting).containsEntry("participantCount", 1).containsEntry("state", 2)
                .containsEntry("subscriberName", "John Smith").containsEntry("meetingNumber", (int) room.meetingNumber())
                .containsEntry("isRecording", false).containsKeys("id", "created", "duration", "attributes");

        hangUp(call.edgeCallId());

        await().atMost(WAIT).untilAsserted(() -> assertThat(types(room)).containsExactly("call.created",
                "meeting.started", "call.joined", "call.left", "meeting.ended"));
        get(owner(room.ownerSid()), "/meetings/" + room.meetingNumber()).expectStatus().isNotFound();
        assertThat(callOf(room.ownerSid(), call.caller())).as("a call exists only while it is live").isNull();
        assertThat(eventsOf(room.meetingNumber())).extracting(event -> ((Number) event.get("sequence")).longValue())
                .containsExactly(1L, 2L, 3L, 4L, 5L);
        Map<String, Object> joined = eventsOf(room.meetingNumber()).get(2);
        assertThat(joined).containsEntry("subscriberSid", room.ownerSid()).containsKeys("id", "occurredAt", "data");
        Map<String, Object> data = object(joined.get("data"));
        assertThat(object(data.get("call"))).containsEntry("state", 2).containsEntry("role", 2);
        assertThat(object(data.get("meeting"))).containsEntry("participantCount", 1);
    }

    @Test
    void anUnknownNumberIsHungUpAndLeavesNoCall() {
        Provisioned room = provision();
        String edgeCallId = "edge-unknown-" + System.nanoTime();
        offer(edgeCallId, "+12125550100", "19990000000");

        await().atMost(WAIT).untilAsserted(() -> assertThat(commandsFor(edgeCallId))
                .extracting(command -> command.get("type")).containsExactly(TelephonyCommand.HANGUP));
        assertThat(callsOf(room.ownerSid())).isEmpty();
    }

    @Test
    void wrongCodesArePromptedAndTheThirdHangsUp() {
        Provisioned room = provision();
        Dialled call = dial(room);

        key(call.edgeCallId(), "9");
        key(call.edgeCallId(), "8#");
        await().atMost(WAIT).untilAsserted(() -> assertThat(commandsFor(call.edgeCallId()))
                .extracting(command -> command.get("argument")).containsExactly("invalid-code", "invalid-code"));
        assertThat(callOf(room.ownerSid(), call.caller())).as("two wrong codes: still keying").isNotNull();

        key(call.edgeCallId(), "7#");

        await().atMost(WAIT).untilAsserted(() -> assertThat(commandsFor(call.edgeCallId()))
                .extracting(command -> command.get("type"))
                .containsExactly(TelephonyCommand.PLAY, TelephonyCommand.PLAY, TelephonyCommand.PLAY,
                        TelephonyCommand.HANGUP));
        await().atMost(WAIT).until(() -> callOf(room.ownerSid(), call.caller()) == null);
        assertThat(eventsOf(room.meetingNumber())).isEmpty();
    }

    @Test
    void digitsOneAtATimeAndACodeThatIsAPrefixOfAnotherWaitForTheTimeout() {
        Provisioned room = provision();
        Dialled call = dial(room);
        String code = room.hostCode();

        for (char digit : code.toCharArray()) {
            key(call.edgeCallId(), String.valueOf(digit));
        }

        await().atMost(WAIT).untilAsserted(() -> assertThat(callOf(room.ownerSid(), call.caller()))
                .containsEntry("state", 2).containsEntry("role", 1));
    }

    @Test
    void theInterDigitTimeoutEndsAnIncompleteCodeAsAWrongOne() {
        Provisioned room = provision();
        Dialled call = dial(room);

        key(call.edgeCallId(), room.hostCode().substring(0, 2));

        await().atMost(WAIT).untilAsserted(() -> assertThat(commandsFor(call.edgeCallId()))
                .extracting(command -> command.get("argument")).containsExactly("invalid-code"));
        assertThat(callOf(room.ownerSid(), call.caller())).containsEntry("state", 1);
    }

    @Test
    void theApiMutesHangsUpAndEndsAndOnlyTheRoomsSideSeesAnything() {
        Provisioned room = provision();
        Dialled host = dial(room);
        Dialled listener = dial(room);
        key(host.edgeCallId(), room.hostCode());
        key(listener.edgeCallId(), room.listenerCode());
        await().atMost(WAIT).until(() -> callsOf(room.ownerSid()).stream().allMatch(c -> c.get("state").equals(2)));
        long listenerId = id(callOf(room.ownerSid(), listener.caller()));

        get(stranger(), "/calls/" + listenerId).expectStatus().isNotFound();
        get(stranger(), "/meetings/" + room.meetingNumber()).expectStatus().isNotFound();
        assertThat(((Number) get(stranger(), "/meetings").expectBody(Map.class).returnResult().getResponseBody()
                .get("total")).intValue()).isZero();
        get(administrator(), "/calls/" + listenerId).expectStatus().isOk();

        put(owner(room.ownerSid()), "/calls/" + listenerId, Map.of("muteMode", 40, "customName", "listener one"))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.muteMode").isEqualTo(40).jsonPath("$.customName").isEqualTo("listener one")
                .jsonPath("$.meetingNumber").isEqualTo(room.meetingNumber());
        await().atMost(WAIT).untilAsserted(() -> assertThat(commandsFor(listener.edgeCallId()))
                .extracting(command -> command.get("type")).contains(TelephonyCommand.MUTE));
        put(owner(room.ownerSid()), "/calls/" + listenerId, Map.of("muteMode", 7)).expectStatus()
                .isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("muteMode");
        put(owner(room.ownerSid()), "/calls/" + listenerId, Map.of("customName", "x".repeat(256))).expectStatus()
                .isEqualTo(422);

        delete(owner(room.ownerSid()), "/calls/" + listenerId).expectStatus().isNoContent();
        await().atMost(WAIT).untilAsserted(() -> assertThat(commandsFor(listener.edgeCallId()))
                .extracting(command -> command.get("type")).contains(TelephonyCommand.HANGUP));
        await().atMost(WAIT).until(() -> callOf(room.ownerSid(), listener.caller()) == null);
        get(owner(room.ownerSid()), "/meetings/" + room.meetingNumber()).expectStatus().isOk().expectBody()
                .jsonPath("$.participantCount").isEqualTo(1);

        delete(owner(room.ownerSid()), "/meetings/" + room.meetingNumber()).expectStatus().isNoContent();
        await().atMost(WAIT).untilAsserted(() -> assertThat(commandsFor(host.edgeCallId()))
                .extracting(command -> command.get("type")).contains(TelephonyCommand.HANGUP));
        await().atMost(WAIT).untilAsserted(() -> assertThat(types(room)).endsWith("call.left", "meeting.ended"));
        get(owner(room.ownerSid()), "/meetings/" + room.meetingNumber()).expectStatus().isNotFound();
        assertThat(types(room)).containsExactly("call.created", "meeting.started", "call.joined", "call.created",
                "call.joined", "call.updated", "call.left", "call.left", "meeting.ended");
    }

    @Test
    void callsAndMeetingsListWithPaginationResultFilteringAndFieldFiltering() {
        Provisioned room = provision();
        Dialled host = dial(room);
        Dialled participant = dial(room);
        Dialled listener = dial(room);
        key(host.edgeCallId(), room.hostCode());
        key(participant.edgeCallId(), room.participantCode());
        key(listener.edgeCallId(), room.listenerCode());
        String me = owner(room.ownerSid());
        await().atMost(WAIT).until(() -> callsOf(room.ownerSid()).stream().filter(c -> c.get("state").equals(2))
                .count() == 3);

        get(me, "/calls?filter=role eq 3").expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1).jsonPath("$.calls[0].caller").isEqualTo(listener.caller());
        get(me, "/calls?filter=meetingNumber eq " + room.meetingNumber() + " and role le 2&order=role desc")
                .expectBody().jsonPath("$.total").isEqualTo(2).jsonPath("$.calls[0].role").isEqualTo(2)
                .jsonPath("$.calls[1].role").isEqualTo(1);
        get(me, "/calls?limit=1&offset=1&order=role asc").expectBody()
                .jsonPath("$.calls.length()").isEqualTo(1).jsonPath("$.calls[0].role").isEqualTo(2)
                .jsonPath("$.offset").isEqualTo(1).jsonPath("$.total").isEqualTo(3);
        get(me, "/calls?include_fields=id,role&filter=role eq 1").expectBody()
                .jsonPath("$.calls[0].role").isEqualTo(1).jsonPath("$.calls[0].id").exists()
                .jsonPath("$.calls[0].caller").doesNotExist();
        get(me, "/calls?exclude_fields=addressTo").expectBody().jsonPath("$.calls[0].addressTo").doesNotExist()
                .jsonPath("$.calls[0].caller").exists();
        get(me, "/calls?filter=role zz 1").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("filter");
        get(me, "/calls?limit=1001").expectStatus().isEqualTo(422);

        get(me, "/meetings?filter=participantCount eq 3").expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1).jsonPath("$.meetings[0].meetingNumber").isEqualTo(room.meetingNumber())
                .jsonPath("$.offset").isEqualTo(0).jsonPath("$.last").exists();
        get(me, "/meetings?filter=participantCount gt 3").expectBody().jsonPath("$.total").isEqualTo(0);
        get(me, "/meetings/" + room.meetingNumber() + "?include_fields=participantCount").expectBody()
                .jsonPath("$.participantCount").isEqualTo(3).jsonPath("$.created").doesNotExist();
        get(me, "/calls/" + id(callOf(room.ownerSid(), host.caller())) + "?exclude_fields=duration").expectBody()
                .jsonPath("$.duration").doesNotExist().jsonPath("$.role").isEqualTo(1);

        delete(me, "/meetings/" + room.meetingNumber()).expectStatus().isNoContent();
    }

    @Test
    void meetingAttributesAreTheValuesInForceAndChangeOneAtATime() {
        Provisioned room = provision(List.of(new AttributeSetting("conference_exittones",
                "off")));
        Dialled call = dial(room);
        key(call.edgeCallId(), room.hostCode());
        await().atMost(WAIT).until(() -> get(owner(room.ownerSid()), "/meetings/" + room.meetingNumber())
                .returnResult(String.class).getStatus().is2xxSuccessful());
        String path = "/meetings/" + room.meetingNumber() + "/attributes";

        get(owner(room.ownerSid()), path + "?limit=1000&filter=name eq conference_exittones").expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].value").isEqualTo("off");
        get(owner(room.ownerSid()), path + "?limit=1000").expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.name == 'conf_participants_count')].value").isEqualTo("0")
                .jsonPath("$[?(@.name == 'participant_list')].value").isEqualTo(call.caller() + ":"
                        + room.phoneNumber() + ":'" + room.hostCode() + "'");
        get(owner(room.ownerSid()), path + "?filter=name eq conf_hosts_count").expectBody()
                .jsonPath("$[0].value").isEqualTo("1");
        get(owner(room.ownerSid()), path).expectBody().jsonPath("$.length()").isEqualTo(10);

        put(owner(room.ownerSid()), path + "/conference_exittones", Map.of("value", "on")).expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].name").isEqualTo("conference_exittones")
                .jsonPath("$[0].value").isEqualTo("on");
        get(owner(room.ownerSid()), "/meetings/" + room.meetingNumber()).expectBody()
                .jsonPath("$.attributes[0].name").isEqualTo("conference_exittones");
        put(owner(room.ownerSid()), path + "/conference_exittones", Map.of("value", "loud")).expectStatus()
                .isEqualTo(422);
        put(owner(room.ownerSid()), path + "/no_such_attribute", Map.of("value", "1")).expectStatus().isEqualTo(422);
        put(stranger(), path + "/conference_exittones", Map.of("value", "off")).expectStatus().isNotFound();
    }

    @Test
    void eventsThatCannotApplyAreCountedAndUnreadableOnesDeadLettered() {
        kafka.publish(Topics.TELEPHONY_EVENTS, "nobody", TelephonyEvent.hungUp("x1",
                "nobody", 1L));
        kafka.publish(Topics.TELEPHONY_EVENTS, "nobody", TelephonyEvent.dtmf("x2",
                "nobody", 1L, "12"));
        kafka.publishRaw(Topics.TELEPHONY_EVENTS, "broken", "{not json");

        // byte for byte as it arrived, not re-encoded by the service's JSON serializer
        await().atMost(WAIT).untilAsserted(() -> assertThat(kafka.records(Topics.deadLetter(Topics.TELEPHONY_EVENTS)))
                .anySatisfy(record -> {
                    assertThat(record.key()).isEqualTo("broken");
                    assertThat(record.value()).isEqualTo("{not json");
                }));
        // the listener is still alive: a dial-in after the bad records works
        Provisioned room = provision();
        Dialled call = dial(room);
        key(call.edgeCallId(), room.hostCode());
        await().atMost(WAIT).untilAsserted(() -> assertThat(callOf(room.ownerSid(), call.caller()))
                .containsEntry("state", 2));
    }

    @Test
    void aRoomRemovedFromProvisioningNoLongerRoutesAndAnOlderStateChangesNothing() {
        Provisioned room = provision();
        Dialled first = dial(room);
        key(first.edgeCallId(), room.hostCode());
        await().atMost(WAIT).until(() -> callOf(room.ownerSid(), first.caller()) != null
                && Integer.valueOf(2).equals(callOf(room.ownerSid(), first.caller()).get("state")));
        hangUp(first.edgeCallId());

        // version 2 moves the host code; a late copy of version 1 must not bring the old code back
        kafka.publish(Topics.MEETING_ROOMS, Long.toString(room.meetingNumber()), new MeetingRoomState(
                room.meetingNumber(), room.ownerSid(), "room", 1L, room.didGroupId(),
                List.of(new DidGroupReference(room.didGroupId(), 0)), List.of(new MeetingKey(1, "777999", 1)),
                List.of(), 2));
        kafka.publish(Topics.MEETING_ROOMS, Long.toString(room.meetingNumber()), new MeetingRoomState(
                room.meetingNumber(), room.ownerSid(), "room", 1L, room.didGroupId(),
                List.of(new DidGroupReference(room.didGroupId(), 0)), List.of(new MeetingKey(1, room.hostCode(), 1)),
                List.of(), 1));
        Dialled second = dial(room);
        key(second.edgeCallId(), "777999");
        await().atMost(WAIT).untilAsserted(() -> assertThat(callOf(room.ownerSid(), second.caller()))
                .containsEntry("state", 2).containsEntry("accessCode", "777999"));
        hangUp(second.edgeCallId());
        await().atMost(WAIT).until(() -> callOf(room.ownerSid(), second.caller()) == null);

        kafka.publish(Topics.MEETING_ROOMS, Long.toString(room.meetingNumber()), null);
        // routing may reuse what it read for a moment (conference.directory.cache-ttl): dial until refused
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            String refused = "edge-after-delete-" + System.nanoTime();
            offer(refused, "+12125550111", room.phoneNumber());
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(commandsFor(refused))
                    .extracting(command -> command.get("type")).contains(TelephonyCommand.HANGUP));
        });
    }

    @Test
    void metricsTellJoinsRefusalsAndWhatIsLive() {
        Provisioned room = provision();
        Dialled call = dial(room);
        key(call.edgeCallId(), room.participantCode());
        await().atMost(WAIT).until(() -> Integer.valueOf(2).equals(callOf(room.ownerSid(), call.caller())
                .get("state")));
        offer("edge-metrics-" + System.nanoTime(), "+12125550123", "19990000001");

        await().atMost(WAIT).untilAsserted(() -> assertThat(metrics())
                .containsPattern("conference_calls_joined_total\\{[^}]*} [1-9]")
                .containsPattern("conference_calls_refused_total\\{[^}]*reason=\"no-route\"[^}]*} [1-9]")
                .containsPattern("conference_meetings_active\\{[^}]*} [1-9]")
                .containsPattern("conference_calls_active\\{[^}]*} [1-9]")
                .contains("conference_calls_join_latency_seconds_bucket"));
        hangUp(call.edgeCallId());
    }

    @Test
    void everyRefusalReasonIsExportedFromStartUpAndAnUnroutableCallCountsOnce() {
        PrometheusScrape before = PrometheusScrape.of("http://localhost:" + managementPort);
        for (String reason : MeetingMetrics.REFUSALS) {
            assertThat(before.has("conference_calls_refused_total", Map.of("reason", reason))).as(reason).isTrue();
        }
        for (String reason : List.of("malformed", "unknown-call", "dtmf-after-hangup")) {
            assertThat(before.has("conference_telephony_events_ignored_total", Map.of("reason", reason)))
                    .as(reason).isTrue();
        }
        double noRoute = before.value("conference_calls_refused_total", Map.of("reason", "no-route"));

        offer("edge-unroutable-" + System.nanoTime(), "+12125550124", "19990000002");

        await().atMost(WAIT).untilAsserted(() -> assertThat(PrometheusScrape.of("http://localhost:" + managementPort)
                .value("conference_calls_refused_total", Map.of("reason", "no-route"))).isEqualTo(noRoute + 1));
    }

    private String metrics() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(8 * 1024 * 1024)).build()
                .get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private List<Object> types(Provisioned room) {
        return eventsOf(room.meetingNumber()).stream().map(event -> event.get("type")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        return (Map<String, Object>) value;
    }

    private static long id(Map<String, Object> call) {
        return ((Number) call.get("id")).longValue();
    }
}
