package org.conference.meeting.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import org.conference.common.events.AttributeSetting;
import org.conference.common.events.TelephonyCommand;
import org.conference.meeting.api.StormRooms.Room;

/**
 * A storm in rooms that a host starts and stops and whose caps turn callers away, as the edge would send it. In each
 * room {@code waiting} callers arrive before the host and wait on hold, {@code quitting} of them hang up before the
 * start, the host arrives (the waiting callers join), a second host is over the one-host cap, then a storm of
 * {@code admitted + refused} callers meets {@code conference_maxcalls}: exactly {@code admitted} get in. The host
 * leaves, and the stop wait releases everyone. Afterwards: one start and one end, no caller lost or counted twice
 * (each joined and left once, the quitters left without joining, the refused ones never entered and have no event),
 * refusals counted by reason, gapless sequences, a participant count that matches at every event, and no Call left.
 */
final class ModeratedStormScenario {

    private static final Duration WAIT = Duration.ofSeconds(180);
    private static final Duration POLL = Duration.ofMillis(500);

    private final StormRooms rooms;
    private final int roomCount;
    private final int waiting;
    private final int quitting;
    private final int admitted;
    private final int refused;

    /** What dialled into one room, by edge call id. */
    private record Crowd(Room room, List<String> early, List<String> quitters, String host, String secondHost,
            List<String> storm) {
    }

    ModeratedStormScenario(KafkaProbe kafka, int roomCount, int waiting, int quitting, int admitted, int refused) {
        this.rooms = new StormRooms(kafka);
        this.roomCount = roomCount;
        this.waiting = waiting;
        this.quitting = quitting;
        this.admitted = admitted;
        this.refused = refused;
    }

    /**
     * Runs it; {@code halfway} runs in the middle of the storm (e.g. stops an instance), {@code api} is the base URL
     * of an instance alive at the end, {@code refusals} sums {@code conference_calls_refused_total} of a reason over
     * the instances (null when an instance's count is lost, as a stopped one's is).
     */
    void run(Runnable halfway, Supplier<String> api, ToDoubleFunction<String> refusals) throws Exception {
        double maxCallsBefore = refusals == null ? 0 : refusals.applyAsDouble("max-calls");
        double roleCapBefore = refusals == null ? 0 : refusals.applyAsDouble("max-calls-role");
        List<Crowd> crowds = new ArrayList<>();
        for (int i = 0; i < roomCount; i++) {
            Room room = rooms.provision(attributes());
            rooms.awaitRouted(api.get(), room);
            crowds.add(new Crowd(room, new ArrayList<>(), new ArrayList<>(), "host-" + UUID.randomUUID(),
                    "host-" + UUID.randomUUID(), new ArrayList<>()));
        }
        for (Crowd crowd : crowds) {
            for (int i = 0; i < waiting; i++) {
                String call = "early-" + UUID.randomUUID();
                rooms.dial(call, crowd.room(), crowd.room().participantCode());
                crowd.early().add(call);
            }
        }
        for (Crowd crowd : crowds) {
            awaitHeard(crowd.early(), TelephonyCommand.HOLD);
            await().atMost(WAIT).pollInterval(POLL).untilAsserted(() -> assertThat(rooms.calls(api.get(),
                    crowd.room())).as("waiting in the meeting, on hold, not joined").hasSize(waiting)
                    .allSatisfy(call -> assertThat(call).containsEntry("state", 2).containsEntry("holdMode", 40)
                            .doesNotContainKey("joined")));
            crowd.quitters().addAll(crowd.early().subList(0, quitting));
            crowd.quitters().forEach(rooms::hangUp);
        }
        for (Crowd crowd : crowds) {
            await().atMost(WAIT).pollInterval(POLL).untilAsserted(() -> assertThat(rooms.count(crowd.room(),
                    "call.left")).isEqualTo(quitting));
            rooms.dial(crowd.host(), crowd.room(), crowd.room().hostCode());
        }
        for (Crowd crowd : crowds) {
            awaitHeard(List.of(crowd.host()), TelephonyCommand.JOIN);
            rooms.dial(crowd.secondHost(), crowd.room(), crowd.room().hostCode());
        }
        for (Crowd crowd : crowds) {
            awaitHeard(List.of(crowd.secondHost()), TelephonyCommand.HANGUP);
        }
        storm(crowds, halfway);
        for (Crowd crowd : crowds) {
            rooms.hangUp(crowd.host());
        }
        for (Crowd crowd : crowds) {
            await().atMost(WAIT).pollInterval(POLL).until(() -> rooms.types(crowd.room()).contains("meeting.ended"));
            // the last hang-ups leave with the last events, not necessarily before them
            await().atMost(WAIT).pollInterval(POLL).untilAsserted(() -> assertWhatTheEdgeWasTold(crowd));
            assertMeetingHistory(crowd);
            await().atMost(WAIT).pollInterval(POLL).untilAsserted(() -> {
                assertThat(rooms.calls(api.get(), crowd.room())).as("no Call left").isEmpty();
                assertThat(rooms.meetingStatus(api.get(), crowd.room())).isEqualTo(404);
            });
        }
        if (refusals != null) {
            await().atMost(WAIT).pollInterval(POLL).untilAsserted(() -> {
                assertThat(refusals.applyAsDouble("max-calls") - maxCallsBefore).isEqualTo(roomCount * refused);
                assertThat(refusals.applyAsDouble("max-calls-role") - roleCapBefore).isEqualTo(roomCount);
            });
        }
    }

    private List<AttributeSetting> attributes() {
        int cap = 1 + waiting - quitting + admitted;
        return List.of(new AttributeSetting("conference_start_how", "moderator"),
                new AttributeSetting("conference_stop_how", "moderator"),
                new AttributeSetting("conference_stop_wait", "2"),
                new AttributeSetting("conference_maxcalls", Integer.toString(cap)),
                new AttributeSetting("conference_maxcallsperrole", "1:-1:-1"));
    }

    /** More callers than the cap allows, spread over the rooms; each hears it joined or is hung up. */
    private void storm(List<Crowd> crowds, Runnable halfway) {
        int callers = admitted + refused;
        for (int caller = 0; caller < callers; caller++) {
            for (Crowd crowd : crowds) {
                String call = "storm-" + UUID.randomUUID();
                rooms.dial(call, crowd.room(), crowd.room().participantCode());
                crowd.storm().add(call);
            }
            if (caller == callers / 2) {
                halfway.run();
            }
        }
        for (Crowd crowd : crowds) {
            await().atMost(WAIT).pollInterval(POLL).untilAsserted(() -> {
                Map<String, List<String>> told = rooms.commandsByCall();
                assertThat(crowd.storm()).allSatisfy(call -> assertThat(told.getOrDefault(call, List.of()))
                        .containsAnyOf(TelephonyCommand.JOIN + " " + crowd.room().meetingNumber(),
                                TelephonyCommand.HANGUP));
            });
        }
    }

    private void awaitHeard(List<String> calls, String command) {
        await().atMost(WAIT).pollInterval(POLL).untilAsserted(() -> {
            Map<String, List<String>> told = rooms.commandsByCall();
            assertThat(calls).allSatisfy(call -> assertThat(told.getOrDefault(call, List.of()))
                    .anySatisfy(sent -> assertThat(sent).matches(command + "( .*)?")));
        });
    }

    private void assertWhatTheEdgeWasTold(Crowd crowd) {
        Map<String, List<String>> told = rooms.commandsByCall();
        String join = TelephonyCommand.JOIN + " " + crowd.room().meetingNumber();
        List<String> in = crowd.storm().stream().filter(call -> told.get(call).contains(join)).toList();
        assertThat(in).as("exactly the cap's worth of the storm got in").hasSize(admitted);
        List<String> turnedAway = new ArrayList<>(crowd.storm());
        turnedAway.removeAll(in);
        turnedAway.add(crowd.secondHost());
        assertThat(turnedAway).allSatisfy(call -> assertThat(told.get(call)).as("turned away")
                .containsExactly("play max-calls", "hangup"));
        assertThat(crowd.quitters()).allSatisfy(call -> assertThat(told.get(call)).as("hung up while waiting")
                .containsExactly("hold", "play waiting-for-host"));
        List<String> released = new ArrayList<>(in);
        released.addAll(crowd.early().subList(quitting, waiting));
        assertThat(released).allSatisfy(call -> assertThat(told.get(call)).containsOnlyOnce(join)
                .endsWith("play meeting-ended", "hangup").containsOnlyOnce("hangup"));
        assertThat(crowd.early().subList(quitting, waiting)).allSatisfy(call -> assertThat(told.get(call))
                .as("waited on hold, then joined").startsWith("hold", "play waiting-for-host", join, "unhold"));
        assertThat(told.get(crowd.host())).contains(join).doesNotContain("hangup");
    }

    private void assertMeetingHistory(Crowd crowd) {
        Room room = crowd.room();
        List<Map<String, Object>> events = rooms.events(room);
        List<Object> types = events.stream().map(event -> event.get("type")).toList();
        int entered = waiting + 1 + admitted;
        assertThat(types).filteredOn("meeting.started"::equals).hasSize(1);
        assertThat(types).filteredOn("meeting.ended"::equals).hasSize(1);
        assertThat(types).last().isEqualTo("meeting.ended");
        assertThat(types).filteredOn("call.created"::equals).hasSize(entered);
        assertThat(types).filteredOn("call.joined"::equals).hasSize(entered - quitting);
        assertThat(types).filteredOn("call.left"::equals).hasSize(entered);
        StormRooms.assertGapless(events);

        Map<String, List<Object>> byCaller = new HashMap<>();
        Set<Object> inTheMix = new HashSet<>();
        for (Map<String, Object> event : events) {
            Map<String, Object> call = StormRooms.data(event, "call");
            if (call != null) {
                byCaller.computeIfAbsent((String) call.get("caller"), c -> new ArrayList<>()).add(event.get("type"));
                if ("call.joined".equals(event.get("type"))) {
                    inTheMix.add(call.get("id"));
                } else if ("call.left".equals(event.get("type"))) {
                    inTheMix.remove(call.get("id"));
                }
            }
            Map<String, Object> meeting = StormRooms.data(event, "meeting");
            if (meeting != null) {
                assertThat(((Number) meeting.get("participantCount")).longValue())
                        .as("participantCount at sequence %s", event.get("sequence")).isEqualTo(inTheMix.size());
            }
        }
        assertThat(crowd.quitters()).allSatisfy(call -> assertThat(byCaller.get(rooms.callerOf(call)))
                .containsExactly("call.created", "call.left"));
        List<String> stayed = new ArrayList<>(crowd.early().subList(quitting, waiting));
        stayed.add(crowd.host());
        stayed.addAll(crowd.storm());
        assertThat(stayed).allSatisfy(call -> {
            List<Object> history = byCaller.getOrDefault(rooms.callerOf(call), List.of());
            assertThat(history).as("a refused caller has no event; one let in joined and left once")
                    .isIn(List.of(), List.of("call.created", "call.joined", "call.left"));
        });
        assertThat(byCaller.get(rooms.callerOf(crowd.secondHost()))).isNull();
    }
}
