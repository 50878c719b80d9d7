package org.conference.bench.meetings;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one run measured, and its rendering. The join latencies are DTMF request sent → first poll answer through the
 * gateway that lists the Call with {@code state} 2; "decided" is DTMF sent → the Call's own {@code joined} time
 * (meeting-service's clock, the same machine's), which splits the latency into deciding and becoming visible.
 *
 * @param firstDtmfToAllJoined null unless every placed caller was seen joined
 * @param failure              null, or why the run stopped early
 */
record DialInReport(BenchSettings settings, BenchRoom room, Map<Phase, Duration> phases, int placed, int joined,
        Duration dtmfSpan, Duration firstDtmfToAllJoined, Latencies visible, Latencies decided,
        JoinWatcher.Polls polls, int participantCount, Map<String, Integer> errors, String failure,
        List<String> cleanupProblems) {

    /** The issue's goal on the 2-core machine. */
    static final Duration GOAL_ALL_JOINED = Duration.ofSeconds(10);
    static final Duration GOAL_P99 = Duration.ofMillis(250);

    /** Timed phases, each measured from its own start. */
    enum Phase {
        ROUTED("probe until meeting-service routes the new number"),
        PLACED("POST /simulator/v1/calls for every caller"),
        IN_LOBBY("then until every placed call is a Call in the lobby (state 1)"),
        HUNG_UP("DELETE /simulator/v1/calls/{id} for every caller"),
        MEETING_ENDED("from the first hang-up until GET /meetings/{n} answers 404"),
        NO_CALLS_LEFT("from the first hang-up until no Call is left on the number");

        final String meaning;

        Phase(String meaning) {
            this.meaning = meaning;
        }
    }

    /** Every caller joined, the meeting ended, nothing failed. */
    boolean complete() {
        return failure == null && errors.isEmpty() && joined == settings.callers() && placed == settings.callers()
                && phases.containsKey(Phase.NO_CALLS_LEFT) && cleanupProblems.isEmpty();
    }

    String render() {
        StringBuilder out = new StringBuilder();
        line(out, "Dial-in benchmark: %s", settings);
        if (room != null) {
            line(out, "  room: meeting %d, DID %s (group %d, CONF), participant code %s#", room.meetingNumber(),
                    room.phoneNumber(), room.didGroupId(), room.accessCode());
        }
        for (Phase phase : List.of(Phase.ROUTED, Phase.PLACED, Phase.IN_LOBBY)) {
            phaseLine(out, phase);
        }
        renderJoins(out);
        for (Phase phase : List.of(Phase.HUNG_UP, Phase.MEETING_ENDED, Phase.NO_CALLS_LEFT)) {
            phaseLine(out, phase);
        }
        line(out, "  errors: %s", errors.isEmpty() ? "none" : errors);
        if (!cleanupProblems.isEmpty()) {
            line(out, "  clean-up problems: %s", cleanupProblems);
        }
        if (failure != null) {
            line(out, "  RUN FAILED: %s", failure);
        }
        renderGoal(out);
        return out.toString();
    }

    private void renderJoins(StringBuilder out) {
        if (dtmfSpan != null) {
            line(out, "  %-32s %s (codes sent to %d placed callers)", "DTMF phase", seconds(dtmfSpan), placed);
        }
        line(out, "  %-32s %d of %d placed (%d asked for)", "joined, seen through the gateway", joined, placed,
                settings.callers());
        if (firstDtmfToAllJoined != null) {
            line(out, "  %-32s %s (%.0f callers/s)", "first DTMF -> all joined", seconds(firstDtmfToAllJoined),
                    joined / (firstDtmfToAllJoined.toNanos() / 1e9));
        }
        line(out, "  %-32s %s", "DTMF -> visible as joined", visible.describe());
        line(out, "  %-32s %s", "DTMF -> joined decided", decided.describe());
        if (polls != null && polls.count() > 0) {
            Latencies roundTrips = new Latencies(polls.roundTrips());
            line(out, "  resolution: a poll starts every %d ms, round trip p50 %s, max %s (%d polls, %d failed%s);",
                    settings.pollInterval().toMillis(), Latencies.millis(roundTrips.percentile(50)),
                    Latencies.millis(roundTrips.max()), polls.count(), polls.failed(),
                    polls.lastFailure() == null ? "" : ", last: " + polls.lastFailure());
            line(out, "    a Call is seen at most one interval plus one round trip after it became visible");
        }
        if (participantCount >= 0) {
            line(out, "  %-32s %d", "GET /meetings/{n} participantCount", participantCount);
        }
    }

    private void renderGoal(StringBuilder out) {
        boolean allJoined = firstDtmfToAllJoined != null && joined == settings.callers();
        boolean joinedInTime = allJoined && firstDtmfToAllJoined.compareTo(GOAL_ALL_JOINED) <= 0;
        long p99 = visible.percentile(99);
        boolean p99InTime = allJoined && p99 >= 0 && p99 < GOAL_P99.toNanos();
        line(out, "  goal: all %d joined within %d s: %s; p99 under %d ms: %s", settings.callers(),
                GOAL_ALL_JOINED.toSeconds(), verdict(joinedInTime, allJoined ? seconds(firstDtmfToAllJoined)
                        : joined + " joined"), GOAL_P99.toMillis(),
                verdict(p99InTime, p99 < 0 ? "no joins" : Latencies.millis(p99)));
    }

    private void phaseLine(StringBuilder out, Phase phase) {
        Duration took = phases.get(phase);
        if (took != null) {
            line(out, "  %-32s %s (%s)", phase.name().toLowerCase(Locale.ROOT).replace('_', ' '), seconds(took),
                    phase.meaning);
        }
    }

    private static String verdict(boolean met, String measured) {
        return (met ? "met" : "MISSED") + " (" + measured + ")";
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.2f s", duration.toNanos() / 1e9);
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    /** Collects a run's results as its phases happen, so a run that fails half-way still reports what it got. */
    static final class Builder {

        private final BenchSettings settings;
        private final ErrorTally errors;
        private final Map<Phase, Duration> phases = new EnumMap<>(Phase.class);
        private BenchRoom room;
        private long dtmfDoneAt;
        private JoinWatcher.Polls polls;
        private int participantCount = -1;
        private String failure;
        private List<String> cleanupProblems = List.of();

        Builder(BenchSettings settings, ErrorTally errors) {
            this.settings = settings;
            this.errors = errors;
        }

        void room(BenchRoom provisioned) {
            room = provisioned;
        }

        void phase(Phase phase, Duration took) {
            phases.put(phase, took);
        }

        /** When the last DTMF request was answered ({@link System#nanoTime()}). */
        void dtmfSent(long at) {
            dtmfDoneAt = at;
        }

        void polls(JoinWatcher.Polls seen) {
            polls = seen;
        }

        void participantCount(int count) {
            participantCount = count;
        }

        void failed(String why) {
            failure = why;
        }

        void cleanup(List<String> problems) {
            cleanupProblems = List.copyOf(problems);
        }

        DialInReport build(List<Caller> callers) {
            List<Caller> placed = callers.stream().filter(caller -> caller.edgeCallId() != null).toList();
            List<Caller> keyed = placed.stream().filter(caller -> caller.dtmfSentAt() != 0).toList();
            List<Caller> joined = keyed.stream().filter(Caller::seenJoined).toList();
            long firstDtmf = keyed.stream().mapToLong(Caller::dtmfSentAt).min().orElse(0);
            long lastJoin = joined.stream().mapToLong(Caller::seenJoinedAt).max().orElse(0);
            Duration allJoined = !joined.isEmpty() && joined.size() == placed.size()
                    ? Duration.ofNanos(lastJoin - firstDtmf) : null;
            Duration dtmfSpan = keyed.isEmpty() || dtmfDoneAt == 0 ? null : Duration.ofNanos(dtmfDoneAt - firstDtmf);
            return new DialInReport(settings, room, Map.copyOf(phases), placed.size(), joined.size(), dtmfSpan,
                    allJoined, Latencies.of(joined.stream().mapToLong(Caller::dtmfToVisible).toArray()),
                    Latencies.of(joined.stream().filter(Caller::decidedKnown)
                            .mapToLong(caller -> caller.dtmfToDecidedMillis() * 1_000_000).toArray()),
                    polls, participantCount, errors.byKind(), failure, cleanupProblems);
        }
    }
}
