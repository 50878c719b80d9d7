package org.conference.meeting.rules;

import java.util.ArrayList;
import java.util.List;

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

    /** Collects the effects of a run of inputs, in order. */
    public static final class Builder {
        private Conference conference;
        private final List<Happening> happenings = new ArrayList<>();
        private final List<Instruction> instructions = new ArrayList<>();
        private final List<Projection> projections = new ArrayList<>();
        private final List<Refusal> refusals = new ArrayList<>();

        Builder(Conference start) {
            this.conference = start;
        }

        public Conference conference() {
            return conference;
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

        public Outcome build() {
            return new Outcome(conference, happenings, instructions, projections, refusals);
        }
    }
}
