package org.conference.meeting.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.conference.common.events.TelephonyCommand;
import org.conference.meeting.api.StormRooms.Room;

/**
 * A join/leave storm over the telephony topic, as the edge would send it: in each room an anchor caller stays in
 * while {@code callersPerRoom} callers join and all leave again, then the anchors hang up. Afterwards each room must
 * show exactly one meeting: one start, one end, every caller joined and left once, gapless sequences, and a
 * participant count that matches the joins and leaves at every event.
 */
final class StormScenario {

    private static final Duration WAIT = Duration.ofSeconds(180);

    private final StormRooms rooms;
    private final int roomCount;
    private final int callersPerRoom;

    StormScenario(KafkaProbe kafka, int roomCount, int callersPerRoom) {
        this.rooms = new StormRooms(kafka);
        this.roomCount = roomCount;
        this.callersPerRoom = callersPerRoom;
    }

    /** Runs the storm; {@code halfway} runs once half the callers have been offered (e.g. stops an instance). */
    void run(Runnable halfway) {
        List<Room> all = new ArrayList<>();
        for (int i = 0; i < roomCount; i++) {
            all.add(rooms.provision(List.of()));
        }
        Map<Room, String> anchors = new HashMap<>();
        for (Room room : all) {
            anchors.put(room, rooms.dialUntilHeard(room, room.participantCode(), TelephonyCommand.JOIN));
        }
        for (Room room : all) {
            await().atMost(WAIT).until(() -> rooms.types(room).contains("call.joined"));
        }
        List<String> stormCalls = new ArrayList<>();
        for (int caller = 0; caller < callersPerRoom; caller++) {
            for (Room room : all) {
                String call = "storm-" + UUID.randomUUID();
                rooms.dial(call, room, room.participantCode());
                stormCalls.add(call);
            }
            if (caller == callersPerRoom / 2) {
                halfway.run();
            }
        }
        stormCalls.forEach(rooms::hangUp);
        for (Room room : all) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(rooms.count(room, "call.left"))
                    .isEqualTo(callersPerRoom));
            rooms.hangUp(anchors.get(room));
        }
        for (Room room : all) {
            await().atMost(WAIT).until(() -> rooms.types(room).contains("meeting.ended"));
            assertMeetingHistory(room);
        }
    }

    private void assertMeetingHistory(Room room) {
        List<Map<String, Object>> events = rooms.events(room);
        List<Object> types = events.stream().map(event -> event.get("type")).toList();
        assertThat(types.stream().filter("meeting.started"::equals).count()).isEqualTo(1);
        assertThat(types.stream().filter("meeting.ended"::equals).count()).isEqualTo(1);
        assertThat(types.get(types.size() - 1)).isEqualTo("meeting.ended");
        assertThat(types.stream().filter("call.joined"::equals).count()).isEqualTo(callersPerRoom + 1);
        assertThat(types.stream().filter("call.left"::equals).count()).isEqualTo(callersPerRoom + 1);
        StormRooms.assertGapless(events);
        long inMeeting = 0;
        for (Map<String, Object> event : events) {
            inMeeting += "call.joined".equals(event.get("type")) ? 1 : "call.left".equals(event.get("type")) ? -1 : 0;
            Map<String, Object> meeting = StormRooms.data(event, "meeting");
            if (meeting != null) {
                assertThat(((Number) meeting.get("participantCount")).longValue())
                        .as("participantCount at sequence %s", event.get("sequence")).isEqualTo(inMeeting);
            }
        }
    }
}
