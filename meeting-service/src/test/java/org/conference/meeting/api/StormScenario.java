package org.conference.meeting.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.conference.common.events.DidGroupReference;
import org.conference.common.events.DidGroupState;
import org.conference.common.events.DidState;
import org.conference.common.events.MeetingKey;
import org.conference.common.events.MeetingRoomState;
import org.conference.common.events.SubscriberState;
import org.conference.common.events.TelephonyEvent;
import org.conference.common.events.Topics;

/**
 * A join/leave storm over the telephony topic, as the edge would send it: in each room an anchor caller stays in
 * while {@code callersPerRoom} callers join and all leave again, then the anchors hang up. Afterwards each room must
 * show exactly one meeting: one start, one end, every caller joined and left once, gapless sequences, and a
 * participant count that matches the joins and leaves at every event.
 */
final class StormScenario {

    private static final Duration WAIT = Duration.ofSeconds(180);

    private final KafkaProbe kafka;
    private final int rooms;
    private final int callersPerRoom;

    StormScenario(KafkaProbe kafka, int rooms, int callersPerRoom) {
        this.kafka = kafka;
        this.rooms = rooms;
        this.callersPerRoom = callersPerRoom;
    }

    /** Runs the storm; {@code halfway} runs once half the callers have been offered (e.g. stops an instance). */
    void run(Runnable halfway) {
        List<Room> all = new ArrayList<>();
        for (int i = 0; i < rooms; i++) {
            all.add(provision());
        }
        Map<Room, String> anchors = new HashMap<>();
        for (Room room : all) {
            anchors.put(room, dialUntilHeard(room));
        }
        for (Room room : all) {
            await().atMost(WAIT).until(() -> types(room).contains("call.joined"));
        }
        List<String> stormCalls = new ArrayList<>();
        for (int caller = 0; caller < callersPerRoom; caller++) {
            for (Room room : all) {
                String call = "storm-" + UUID.randomUUID();
                offer(call, room);
                kafka.publish(Topics.TELEPHONY_EVENTS, call, TelephonyEvent.dtmf(id(), call, now(), room.code()));
                stormCalls.add(call);
            }
            if (caller == callersPerRoom / 2) {
                halfway.run();
            }
        }
        for (String call : stormCalls) {
            kafka.publish(Topics.TELEPHONY_EVENTS, call, TelephonyEvent.hungUp(id(), call, now()));
        }
        for (Room room : all) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(types(room).stream()
                    .filter("call.left"::equals).count()).isEqualTo(callersPerRoom));
            kafka.publish(Topics.TELEPHONY_EVENTS, anchors.get(room), TelephonyEvent.hungUp(id(), anchors.get(room),
                    now()));
        }
        for (Room room : all) {
            await().atMost(WAIT).until(() -> types(room).contains("meeting.ended"));
            assertMeetingHistory(room);
        }
    }

    private void assertMeetingHistory(Room room) {
        List<Map<String, Object>> events = distinctById(kafka.values(Topics.MEETING_EVENTS,
                event -> ((Number) event.get("meetingNumber")).longValue() == room.meetingNumber()));
        List<Object> types = events.stream().map(event -> event.get("type")).toList();
        assertThat(types.stream().filter("meeting.started"::equals).count()).isEqualTo(1);
        assertThat(types.stream().filter("meeting.ended"::equals).count()).isEqualTo(1);
        assertThat(types.get(types.size() - 1)).isEqualTo("meeting.ended");
        assertThat(types.stream().filter("call.joined"::equals).count()).isEqualTo(callersPerRoom + 1);
        assertThat(types.stream().filter("call.left"::equals).count()).isEqualTo(callersPerRoom + 1);
        List<Long> sequences = events.stream().map(event -> ((Number) event.get("sequence")).longValue()).sorted()
                .toList();
        for (int i = 0; i < sequences.size(); i++) {
            assertThat(sequences.get(i)).as("gapless, never repeated").isEqualTo(i + 1L);
        }
        long inMeeting = 0;
        List<Map<String, Object>> ordered = events.stream()
                .sorted((a, b) -> Long.compare(((Number) a.get("sequence")).longValue(),
                        ((Number) b.get("sequence")).longValue())).toList();
        for (Map<String, Object> event : ordered) {
            inMeeting += "call.joined".equals(event.get("type")) ? 1 : "call.left".equals(event.get("type")) ? -1 : 0;
            @SuppressWarnings("unchecked")
            Map<String, Object> meeting = (Map<String, Object>) ((Map<String, Object>) event.get("data")).get("meeting");
            if (meeting != null) {
                assertThat(((Number) meeting.get("participantCount")).longValue())
                        .as("participantCount at sequence %s", event.get("sequence")).isEqualTo(inMeeting);
            }
        }
    }

    /** A redelivery may publish an event twice; it carries the same id, which is how receivers recognise it. */
    private static List<Map<String, Object>> distinctById(List<Map<String, Object>> events) {
        Map<Object, Map<String, Object>> byId = new LinkedHashMap<>();
        events.forEach(event -> byId.putIfAbsent(event.get("id"), event));
        return new ArrayList<>(byId.values());
    }

    private List<Object> types(Room room) {
        return distinctById(kafka.values(Topics.MEETING_EVENTS,
                event -> ((Number) event.get("meetingNumber")).longValue() == room.meetingNumber()))
                .stream().map(event -> event.get("type")).toList();
    }

    record Room(String phoneNumber, long meetingNumber, String code) {
    }

    /** A subscriber, DID group, DID and room with one participant code, published as provisioning would. */
    Room provision() {
        String owner = "owner-" + UUID.randomUUID();
        long base = ThreadLocalRandom.current().nextLong(10_000_000, 90_000_000);
        String phone = "1516" + (2_000_000 + ThreadLocalRandom.current().nextInt(8_000_000));
        Room room = new Room(phone, base + 2, Long.toString(base % 100_000));
        kafka.publish(Topics.SUBSCRIBERS, owner, new SubscriberState(owner, "l-" + owner, 3, "root",
                List.of("root", owner), "Storm", "Owner", null, null, null, null, -1, 1L, List.of(), null, 1));
        kafka.publish(Topics.DID_GROUPS, Long.toString(base), new DidGroupState(base, "g", "", 3, owner, 0, List.of(),
                1));
        kafka.publish(Topics.DIDS, Long.toString(base + 1), new DidState(base + 1, phone, "US", null, base, 0,
                List.of(), 1));
        kafka.publish(Topics.MEETING_ROOMS, Long.toString(room.meetingNumber()), new MeetingRoomState(
                room.meetingNumber(), owner, "storm", 1L, base, List.of(new DidGroupReference(base, 0)),
                List.of(new MeetingKey(1, room.code(), 2)), List.of(), 1));
        return room;
    }

    /** The first caller of a room, offered until the directory routes it (then its code joins it). */
    String dialUntilHeard(Room room) {
        String call = "anchor-" + UUID.randomUUID();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            offer(call, room);
            kafka.publish(Topics.TELEPHONY_EVENTS, call, TelephonyEvent.dtmf(id(), call, now(), room.code()));
            return kafka.values(Topics.TELEPHONY_COMMANDS, command -> call.equals(command.get("callId"))
                    && "join".equals(command.get("type"))).size() > 0;
        });
        return call;
    }

    private void offer(String call, Room room) {
        kafka.publish(Topics.TELEPHONY_EVENTS, call, TelephonyEvent.offered(id(), call, now(),
                new TelephonyEvent.Offer("+12125550000", room.phoneNumber(), null, null, "PCMU", null, null)));
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private static long now() {
        return System.currentTimeMillis();
    }
}
