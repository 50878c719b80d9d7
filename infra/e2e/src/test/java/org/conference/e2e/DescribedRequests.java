package org.conference.e2e;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

import tools.jackson.databind.json.JsonMapper;

/**
 * One valid request for every operation of the API description, in an order that works against a live platform:
 * creates first (each keeps what later requests need in {@link Fixtures}), then reads and changes, then deletes.
 * The path comes from the document's template, filled with {@link Request#path()}, so the request follows the
 * document, not a copy of it.
 */
final class DescribedRequests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the steps created or were given, as they go. */
    static final class Fixtures {
        final String run = Integer.toString(ThreadLocalRandom.current().nextInt(10_000, 100_000));
        LiveRoom liveRoom;
        LiveRoom.Caller host;
        LiveRoom.Caller participant;
        String subscriberSid;
        String subscriberToken;
        long didGroupId;
        long didId;
        long adminRoom;
        long subscriberRoom;
        long keyId;
        String deliveryId;
        String endpointId;
    }

    /**
     * A request: its path variables, body ({@code null} for none) and, where it is not the root administrator's
     * Basic credentials, its {@code Authorization} ({@code ""} for none).
     */
    record Request(Map<String, String> path, String contentType, byte[] body, String authorization) {

        static Request of(Map<String, String> path) {
            return new Request(path, null, null, null);
        }

        static Request json(Map<String, String> path, Object body) {
            return new Request(path, "application/json", JSON.writeValueAsBytes(body), null);
        }
    }

    /** {@code before} runs ahead of the request (e.g. to make a second file), {@code after} reads its answer. */
    record Step(String operationId, Consumer<Fixtures> before, Function<Fixtures, Request> request,
            BiConsumer<Fixtures, Map<String, Object>> after) {
    }

    private final List<Step> steps = new ArrayList<>();
    private final RawHttp http;
    private final String admin;

    DescribedRequests(RawHttp http, String admin) {
        this.http = http;
        this.admin = admin;
        description();
        callFlows();
        subscribers();
        didGroupsAndDids();
        rooms();
        keychain();
        files();
        meetingsAndCalls();
        webhooks();
        deletes();
    }

    List<Step> steps() {
        return steps;
    }

    private void description() {
        step("getApiDescription", f -> new Request(Map.of(), null, null, ""));
    }

    private void callFlows() {
        step("listCallFlows", f -> Request.of(Map.of()));
        step("getCallFlow", f -> Request.of(Map.of("id", "3")));
    }

    private void subscribers() {
        step("createSubscriber", f -> Request.json(Map.of(), Map.of("login", "e2e-described-" + f.run,
                "password", "described-password-" + f.run, "role", 3, "firstName", "Ada", "lastName", "Lovelace",
                "email", "ada-" + f.run + "@example.com")), (f, created) -> {
                    f.subscriberSid = (String) created.get("sid");
                    f.subscriberToken = (String) created.get("authenticationToken");
                });
        step("listSubscribers", f -> Request.of(Map.of()));
        step("getSubscriber", f -> Request.of(Map.of("sid", f.subscriberSid)));
        step("updateSubscriber", f -> Request.json(Map.of("sid", f.subscriberSid), Map.of("details", "described")));
        step("whoAmI", f -> Request.of(Map.of()));
    }

    private void didGroupsAndDids() {
        step("createDidGroup", f -> Request.json(Map.of(), Map.of("name", "e2e described " + f.run,
                "callFlowId", 3)), (f, created) -> f.didGroupId = LiveRoom.number(created.get("id")));
        step("listDidGroups", f -> Request.of(Map.of()));
        step("getDidGroup", f -> Request.of(Map.of("id", Long.toString(f.didGroupId))));
        step("updateDidGroup", f -> Request.json(Map.of("id", Long.toString(f.didGroupId)),
                Map.of("description", "described")));
        step("createDid", f -> Request.json(Map.of(), Map.of("didGroupId", f.didGroupId,
                "phoneNumber", "1516" + ThreadLocalRandom.current().nextInt(2_000_000, 10_000_000))),
                (f, created) -> f.didId = LiveRoom.number(created.get("id")));
        step("listDids", f -> Request.of(Map.of()));
        step("getDid", f -> Request.of(Map.of("id", Long.toString(f.didId))));
        step("updateDid", f -> Request.json(Map.of("id", Long.toString(f.didId)),
                Map.of("description", "described")));
    }

    private void rooms() {
        step("createMeetingRoom", f -> Request.json(Map.of(), Map.of("primaryDidGroupId", f.didGroupId)),
                (f, created) -> f.adminRoom = LiveRoom.number(created.get("meetingNumber")));
        step("listMeetingRooms", f -> Request.of(Map.of()));
        step("getMeetingRoom", f -> Request.of(Map.of("meetingNumber", Long.toString(f.adminRoom))));
        step("updateMeetingRoom", f -> Request.json(Map.of("meetingNumber", Long.toString(f.adminRoom)),
                Map.of("description", "described")));
        step("createSubscriberMeetingRoom", f -> Request.json(Map.of("sid", f.subscriberSid),
                Map.of("primaryDidGroupId", f.didGroupId, "keychain", List.of(Map.of("role", 1)))),
                (f, created) -> f.subscriberRoom = LiveRoom.number(created.get("meetingNumber")));
        step("listSubscriberMeetingRooms", f -> Request.of(Map.of("sid", f.subscriberSid)));
        step("getSubscriberMeetingRoom", f -> Request.of(room(f)));
        step("updateSubscriberMeetingRoom", f -> Request.json(room(f), Map.of("description", "described")));
    }

    private void keychain() {
        step("createMeetingKey", f -> Request.json(room(f), Map.of("role", 2,
                "accessCode", "7" + f.run + "1")), (f, created) -> f.keyId = LiveRoom.number(created.get("id")));
        step("listMeetingKeys", f -> Request.of(room(f)));
        step("getMeetingKey", f -> Request.of(key(f)));
        step("updateMeetingKey", f -> Request.json(key(f), Map.of("role", 3)));
    }

    private void files() {
        step("uploadFile", f -> upload(f, "described-a.wav"));
        step("listFiles", f -> Request.of(Map.of("sid", f.subscriberSid)));
        step("downloadFile", f -> Request.of(file(f, "described-a.wav")));
        step("headFile", f -> Request.of(file(f, "described-a.wav")));
    }

    private void meetingsAndCalls() {
        step("listMeetings", f -> Request.of(Map.of()));
        step("getMeeting", f -> Request.of(meeting(f)));
        step("listMeetingAttributes", f -> Request.of(meeting(f)));
        step("setMeetingAttribute", f -> {
            Map<String, String> path = new LinkedHashMap<>(meeting(f));
            path.put("name", "conf_locked");
            return Request.json(path, Map.of("value", "on"));
        });
        step("listCalls", f -> Request.of(Map.of()));
        step("getCall", f -> Request.of(call(f)));
        step("updateCall", f -> Request.json(call(f), Map.of("muteMode", 32)));
    }

    private void webhooks() {
        step("listDeliveries", f -> Request.of(Map.of()));
        step("getDelivery", f -> Request.of(Map.of("deliveryId", f.deliveryId)));
        step("replayDelivery", f -> Request.of(Map.of("deliveryId", f.deliveryId)));
        step("replayEndedDeliveries", f -> Request.json(Map.of(), Map.of("status", "succeeded", "since", 0)));
        step("listEndpoints", f -> Request.of(Map.of()));
        step("getEndpoint", f -> Request.of(Map.of("endpointId", f.endpointId)));
        step("enableEndpoint", f -> Request.of(Map.of("endpointId", f.endpointId)));
    }

    private void deletes() {
        step("hangUpCall", f -> Request.of(call(f)));
        step("endMeeting", f -> Request.of(meeting(f)));
        step("deleteFile", f -> Request.of(Map.of("sid", f.subscriberSid, "fileName", "described-a.wav")));
        steps.add(new Step("deleteFiles", f -> uploadRaw(f, "described-b.wav"),
                f -> Request.json(Map.of("sid", f.subscriberSid), List.of("described-b.wav")), (f, body) -> {
                }));
        step("deleteMeetingKey", f -> Request.of(key(f)));
        step("deleteSubscriberMeetingRoom", f -> Request.of(room(f)));
        step("deleteMeetingRoom", f -> Request.of(Map.of("meetingNumber", Long.toString(f.adminRoom))));
        step("deleteDid", f -> Request.of(Map.of("id", Long.toString(f.didId))));
        step("deleteDidGroup", f -> Request.of(Map.of("id", Long.toString(f.didGroupId))));
        step("logout", f -> new Request(Map.of(), null, null, "Bearer " + f.subscriberToken));
        step("deleteSubscriber", f -> Request.of(Map.of("sid", f.subscriberSid)));
    }

    private void step(String operationId, Function<Fixtures, Request> request) {
        step(operationId, request, (f, body) -> {
        });
    }

    private void step(String operationId, Function<Fixtures, Request> request,
            BiConsumer<Fixtures, Map<String, Object>> after) {
        steps.add(new Step(operationId, f -> {
        }, request, after));
    }

    private static Map<String, String> room(Fixtures f) {
        return Map.of("sid", f.subscriberSid, "meetingNumber", Long.toString(f.subscriberRoom));
    }

    private static Map<String, String> key(Fixtures f) {
        return Map.of("sid", f.subscriberSid, "meetingNumber", Long.toString(f.subscriberRoom),
                "keyId", Long.toString(f.keyId));
    }

    private static Map<String, String> file(Fixtures f, String name) {
        return Map.of("sid", f.subscriberSid, "fileName", name);
    }

    private static Map<String, String> meeting(Fixtures f) {
        return Map.of("meetingNumber", Long.toString(f.liveRoom.meetingNumber()));
    }

    private static Map<String, String> call(Fixtures f) {
        return Map.of("id", Long.toString(f.participant.callId()));
    }

    private static final String BOUNDARY = "described-boundary-7MA4YWxkTrZu0gW";

    private static Request upload(Fixtures f, String fileName) {
        return new Request(Map.of("sid", f.subscriberSid), "multipart/form-data; boundary=" + BOUNDARY,
                multipart(fileName), null);
    }

    /** A second file, uploaded outside the described steps, for the several-files delete. */
    private void uploadRaw(Fixtures f, String fileName) {
        var answer = http.send("POST", "/conference/v1/subscribers/" + f.subscriberSid + "/files", admin,
                "multipart/form-data; boundary=" + BOUNDARY, multipart(fileName));
        if (answer.status() != 200) {
            throw new AssertionError("uploading " + fileName + " answered " + answer.status() + ": " + answer.text());
        }
    }

    private static byte[] multipart(String fileName) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName + "\"\r\nContent-Type: audio/wav\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(wav());
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }

    /** Half a second of silence: 8 kHz, mono, 16-bit PCM. */
    private static byte[] wav() {
        int samples = 4000;
        ByteBuffer wav = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples * 2)
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
                .putShort((short) 1).putInt(8000).putInt(16000).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples * 2);
        return wav.array();
    }
}
