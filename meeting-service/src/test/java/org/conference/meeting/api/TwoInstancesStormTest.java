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
import org.conference.meeting.MeetingApplication;
import org.conference.testsupport.BackingServices;
import org.conference.testsupport.BackingServicesInitializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two meeting-service instances in one consumer group over one database, and a join/leave storm of 200 callers in
 * four rooms: no caller lost or counted twice, one start and one end per meeting, gapless sequences — also when one
 * instance stops in the middle of the storm and the other carries on after the rebalance.
 */
class TwoInstancesStormTest {

    private static final int ROOMS = 4;
    private static final int CALLERS_PER_ROOM = 50;
    private static final Duration WAIT = Duration.ofSeconds(120);

    private final String database = "meeting_storm_" + UUID.randomUUID().toString().substring(0, 8);
    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    private KafkaProbe kafka;

    @BeforeEach
    void start() {
        instances.add(instance());
        instances.add(instance());
        kafka = new KafkaProbe(BackingServices.kafka().bootstrapServers(), List.of(Topics.MEETING_EVENTS,
                Topics.TELEPHONY_COMMANDS));
    }

    @AfterEach
    void stop() throws InterruptedException {
        instances.forEach(ConfigurableApplicationContext::close);
        kafka.close();
    }

    private ConfigurableApplicationContext instance() {
        // as arguments: they outrank application.yml, as the environment does for a real instance
        Map<String, String> settings = Map.of(
                "server.port", "0",
                "management.server.port", "0",
                "spring.kafka.bootstrap-servers", BackingServices.kafka().bootstrapServers(),
                "spring.mongodb.uri", BackingServices.mongo().uri(database),
                "spring.mongodb.database", database,
                "conference.identity.jwt-secret", BackingServicesInitializer.TEST_JWT_SECRET,
                "conference.meetings.relay-sweep-interval", "PT0.2S",
                "conference.timers.poll-interval", "PT0.2S");
        return new SpringApplicationBuilder(MeetingApplication.class)
                .run(settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
    }

    @Test
    void aStormOverTwoInstancesLosesNobodyAndCountsNobodyTwice() {
        storm(false);
    }

    @Test
    void whenOneInstanceStopsInTheMiddleTheOtherCarriesOn() {
        storm(true);
    }

    private void storm(boolean stopOneHalfway) {
        List<Room> rooms = new ArrayList<>();
        for (int i = 0; i < ROOMS; i++) {
            rooms.add(provision());
        }
        Map<Room, String> anchors = new HashMap<>();
        for (Room room : rooms) {
            anchors.put(room, dialUntilHeard(room));
        }
        for (Room room : rooms) {
            await().atMost(WAIT).until(() -> types(room).contains("call.joined"));
        }
        List<String> stormCalls = new ArrayList<>();
        for (int caller = 0; caller < CALLERS_PER_ROOM; caller++) {
            for (Room room : rooms) {
                String call = "storm-" + UUID.randomUUID();
                offer(call, room);
                kafka.publish(Topics.TELEPHONY_EVENTS, call, TelephonyEvent.dtmf(id(), call, now(), room.code()));
                stormCalls.add(call);
            }
            if (stopOneHalfway && caller == CALLERS_PER_ROOM / 2) {
                instances.remove(0).close();
            }
        }
        for (String call : stormCalls) {
            kafka.publish(Topics.TELEPHONY_EVENTS, call, TelephonyEvent.hungUp(id(), call, now()));
        }
        for (Room room : rooms) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(types(room).stream()
                    .filter("call.left"::equals).count()).isEqualTo(CALLERS_PER_ROOM));
            kafka.publish(Topics.TELEPHONY_EVENTS, anchors.get(room), TelephonyEvent.hungUp(id(), anchors.get(room),
                    now()));
        }
        for (Room room : rooms) {
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
        assertThat(types.stream().filter("call.joined"::equals).count()).isEqualTo(CALLERS_PER_ROOM + 1);
        assertThat(types.stream().filter("call.left"::equals).count()).isEqualTo(CALLERS_PER_ROOM + 1);
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

    private record Room(String phoneNumber, long meetingNumber, String code) {
    }

    private Room provision() {
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
    private String dialUntilHeard(Room room) {
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
