package org.conference.meeting.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * What applying inputs to a meeting decided: the meeting afterwards ({@code null} once it ended), what happened in
 * order (each with the meeting as it was right after, for the event's data), what the edge must do, and which
 * Calls changed.
 */
public record Outcome(Conference conference, List<Happening> happenings, List<Instruction> instructions,
        List<Projection> projections, List<Refusal> refusals) {

    /** A domain event to publish: {@code type} as in ARCHITECTURE.md §5, about {@code call} if any. */
    public record Happening(String type, Participant call, Conference meeting, boolean callBeforeJoining) {
    }

    /** A command for the edge about one call (ARCHITECTURE.md §6). */
    public record Instruction(String edgeCallId, String type, String argument) {
    }

    /** The Call {@code callId} is now {@code participant}, or gone when that is {@code null}. */
    public record Projection(long callId, Participant participant) {
    }

    /**
     * A caller turned away or released by the meeting ({@code reason}: a short metric label such as
     * {@code max-calls}, {@code locked}, {@code start-wait}), for {@code conference_calls_refused_total{reason}}.
     */
    public record Refusal(long callId, String reason) {
    }

    /**
     * Collects the effects of a run of inputs (one write), in order. {@code finishing} runs once, when the outcome is
     * built: what is decided per write rather than per input (tones coalesced over every join of the write).
     */
    public static final class Builder {
        private Conference conference;
        private final List<Happening> happenings = new ArrayList<>();
        private final List<Instruction> instructions = new ArrayList<>();
        private final List<Projection> projections = new ArrayList<>();
        private final List<Refusal> refusals = new ArrayList<>();
        private final Consumer<Builder> finishing;
        private long now;
        private Outcome built;

        Builder(Conference start, Consumer<Builder> finishing) {
            this.conference = start;
            this.finishing = finishing;
        }

        public Conference conference() {
            return conference;
        }

        /** The time the latest input was applied at. */
        void at(long appliedAt) {
            now = appliedAt;
        }

        long now() {
            return now;
        }

        void become(Conference next) {
            conference = next;
        }

        void happened(String type, Participant call) {
            happenings.add(new Happening(type, call, conference, false));
        }

        void happenedBeforeJoining(String type, Participant call) {
            happenings.add(new Happening(type, call, conference, true));
        }

        void instruct(String edgeCallId, String type, String argument) {
            instructions.add(new Instruction(edgeCallId, type, argument));
        }

        void project(long callId, Participant participant) {
            projections.add(new Projection(callId, participant));
        }

        void refuse(long callId, String reason) {
            refusals.add(new Refusal(callId, reason));
        }

        List<Happening> happenings() {
            return Collections.unmodifiableList(happenings);
        }

        public Outcome build() {
            if (built == null) {
                finishing.accept(this);
                built = new Outcome(conference, List.copyOf(happenings), List.copyOf(instructions),
                        List.copyOf(projections), List.copyOf(refusals));
            }
            return built;
        }
    }
}
