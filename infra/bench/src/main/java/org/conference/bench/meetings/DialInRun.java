package org.conference.bench.meetings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

import org.conference.bench.meetings.DialInReport.Phase;
import org.conference.bench.meetings.PlatformHttp.Answer;

/**
 * One dial-in run, phase by phase: provision a room, wait until meeting-service routes its number, place every call
 * and let each reach the lobby, key every code while the watcher polls for joined Calls, then hang every call up and
 * wait until the meeting has ended, and remove the room. Whatever fails, the calls are hung up and the room removed,
 * so the next run starts clean.
 */
final class DialInRun {

    private static final Duration STEP = Duration.ofMillis(100);
    private static final Duration ROUTING_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(120);

    private final BenchSettings settings;
    private final Endpoint gateway;
    private final Endpoint simulator;
    private final Endpoint watcherGateway;
    private final ErrorTally errors = new ErrorTally();
    private final Map<String, Caller> callers = new LinkedHashMap<>();
    private final DialInReport.Builder report;

    /** {@code watcherGateway} is the gateway over a client of its own, so polls never queue behind the callers. */
    DialInRun(BenchSettings settings, Endpoint gateway, Endpoint simulator, Endpoint watcherGateway) {
        this.settings = settings;
        this.gateway = gateway;
        this.simulator = simulator;
        this.watcherGateway = watcherGateway;
        this.report = new DialInReport.Builder(settings, errors);
        for (int i = 0; i < settings.callers(); i++) {
            String number = "1212" + (2_000_000 + i);
            callers.put(number, new Caller(number));
        }
    }

    DialInReport run() {
        BenchRoom room = null;
        try {
            room = BenchRoom.provision(gateway);
            report.room(room);
            measure(room);
        } catch (RuntimeException failure) {
            report.failed(failure instanceof BenchFailure ? failure.getMessage() : failure.toString());
            hangUp(placed(), true);
        } finally {
            if (room != null) {
                report.cleanup(room.remove(gateway));
            }
        }
        return report.build(new ArrayList<>(callers.values()));
    }

    private void measure(BenchRoom room) {
        report.phase(Phase.ROUTED, awaitRouting(room));
        report.phase(Phase.PLACED, placeCalls(room));
        report.phase(Phase.IN_LOBBY, waitFor("every placed call in the lobby",
                () -> count("callee eq \"" + room.phoneNumber() + "\" and state eq 1") >= placed().size()));
        joinEveryone(room);
        report.participantCount(meetingParticipants(room));
        hangUpEveryone(room);
    }

    /**
     * meeting-service learns of a new DID from Kafka: until then it hangs up whoever dials it. A probe call that shows
     * up as a Call through the gateway proves the number routes; one the platform ends means "not yet".
     */
    private Duration awaitRouting(BenchRoom room) {
        long started = System.nanoTime();
        for (int attempt = 0; System.nanoTime() - started < ROUTING_TIMEOUT.toNanos(); attempt++) {
            String number = "1213" + (2_000_000 + attempt);
            Answer placed = simulator.post("/calls", Map.of("from", number, "to", room.phoneNumber())).join();
            if (!errors.expect("probe POST /simulator/v1/calls", placed, 201)) {
                pause(Duration.ofMillis(500));
                continue;
            }
            String id = placed.body().path("id").asString();
            boolean routed = probeRouted(id, number);
            Answer hungUp = simulator.delete("/calls/" + id).join();
            if (hungUp.status() != 409) {
                errors.expect("probe DELETE /simulator/v1/calls/{id}", hungUp, 204);
            }
            waitFor("the probe call gone", () -> count("caller eq \"" + number + "\"") == 0);
            if (routed) {
                return since(started);
            }
            pause(Duration.ofMillis(250));
        }
        throw new BenchFailure("meeting-service did not route " + room.phoneNumber() + " within "
                + ROUTING_TIMEOUT.toSeconds() + " s (is it running and consuming the provisioning topics?)");
    }

    private boolean probeRouted(String edgeCallId, String number) {
        long started = System.nanoTime();
        while (System.nanoTime() - started < PROBE_TIMEOUT.toNanos()) {
            if (count("caller eq \"" + number + "\"") > 0) {
                return true;
            }
            Answer call = simulator.get("/calls/" + edgeCallId).join();
            if (call.status() == 200 && "ended".equals(call.body().path("state").asString(""))) {
                return false;
            }
            pause(STEP);
        }
        return false;
    }

    private Duration placeCalls(BenchRoom room) {
        long started = System.nanoTime();
        List<CompletableFuture<Void>> placing = new ArrayList<>();
        for (Caller caller : callers.values()) {
            placing.add(simulator.post("/calls", Map.of("from", caller.number, "to", room.phoneNumber()))
                    .thenAccept(answer -> {
                        if (errors.expect("POST /simulator/v1/calls", answer, 201)) {
                            caller.placed(answer.body().path("id").asString());
                        }
                    }));
        }
        CompletableFuture.allOf(placing.toArray(CompletableFuture[]::new)).join();
        if (placed().isEmpty()) {
            throw new BenchFailure("the simulator placed no call (" + errors.byKind() + ")");
        }
        return since(started);
    }

    /** Keys every placed caller's code while the watcher notes when each shows as joined. */
    private void joinEveryone(BenchRoom room) {
        List<Caller> placed = placed();
        Map<String, Caller> watched = new LinkedHashMap<>();
        placed.forEach(caller -> watched.put(caller.number, caller));
        try (JoinWatcher watcher = new JoinWatcher(watcherGateway, room.meetingNumber(), watched,
                settings.pollInterval())) {
            CompletableFuture<JoinWatcher.Polls> polls = watcher.start(System.nanoTime()
                    + settings.joinTimeout().toNanos());
            List<CompletableFuture<Void>> keying = new ArrayList<>();
            long started = System.nanoTime();
            for (Caller caller : placed) {
                if (settings.dtmfPerSecond() > 0) {
                    LockSupport.parkNanos(started + keying.size() * 1_000_000_000L / settings.dtmfPerSecond()
                            - System.nanoTime());
                }
                keying.add(simulator.post("/calls/" + caller.edgeCallId() + "/dtmf",
                                Map.of("digits", room.accessCode() + "#"), caller::keyingCode)
                        .thenAccept(answer -> errors.expect("POST /simulator/v1/calls/{id}/dtmf", answer, 202)));
            }
            CompletableFuture.allOf(keying.toArray(CompletableFuture[]::new)).join();
            report.dtmfSent(System.nanoTime());
            report.polls(polls.join());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted while watching the joins");
        }
    }

    private int meetingParticipants(BenchRoom room) {
        Answer meeting = gateway.get("/meetings/" + room.meetingNumber()).join();
        return errors.expect("GET /meetings/{n}", meeting, 200) ? meeting.body().path("participantCount").asInt(-1)
                : -1;
    }

    /** Hangs every call up; the meeting must end with its last caller, and no Call may stay behind. */
    private void hangUpEveryone(BenchRoom room) {
        long started = System.nanoTime();
        hangUp(placed(), false);
        report.phase(Phase.HUNG_UP, since(started));
        waitFor("the meeting to end (GET /meetings/{n} answering 404)",
                () -> gateway.get("/meetings/" + room.meetingNumber()).join().status() == 404);
        report.phase(Phase.MEETING_ENDED, since(started));
        waitFor("no Call left on the room's number",
                () -> count("callee eq \"" + room.phoneNumber() + "\"") == 0);
        report.phase(Phase.NO_CALLS_LEFT, since(started));
    }

    /** {@code afterFailure}: calls the platform has already ended (409) are no news then. */
    private void hangUp(List<Caller> placed, boolean afterFailure) {
        List<CompletableFuture<Void>> hangingUp = new ArrayList<>();
        for (Caller caller : placed) {
            hangingUp.add(simulator.delete("/calls/" + caller.edgeCallId()).thenAccept(answer -> {
                if (!afterFailure || answer.status() != 409) {
                    errors.expect("DELETE /simulator/v1/calls/{id}", answer, 204);
                }
            }));
        }
        CompletableFuture.allOf(hangingUp.toArray(CompletableFuture[]::new)).join();
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private List<Caller> placed() {
        return callers.values().stream().filter(caller -> caller.edgeCallId() != null).toList();
    }

    /** The number of Calls the admin sees that match {@code filter}; -1 when the gateway does not answer 200. */
    private long count(String filter) {
        Answer page = gateway.get("/calls?filter=" + PlatformHttp.encode(filter) + "&limit=1").join();
        return errors.expect("GET /calls", page, 200) ? page.body().path("total").asLong(-1) : -1;
    }

    /** Checks every {@link #STEP} until {@code done}; how long that took, or a failure naming {@code what}. */
    private static Duration waitFor(String what, Check done) {
        long started = System.nanoTime();
        while (!done.holds()) {
            if (System.nanoTime() - started > SETTLE_TIMEOUT.toNanos()) {
                throw new BenchFailure("timed out after " + SETTLE_TIMEOUT.toSeconds() + " s waiting for " + what);
            }
            pause(STEP);
        }
        return since(started);
    }

    private interface Check {
        boolean holds();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted");
        }
    }
}
