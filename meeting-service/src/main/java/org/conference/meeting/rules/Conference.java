package org.conference.meeting.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.conference.common.events.AttributeSetting;

/**
 * A live meeting: the reference's Meeting object (minus {@code duration}, computed when read), the attributes in
 * force, its participants in the order they joined, and what the behaviours keep between inputs: callers waiting for
 * the start, counts per role, the recording take, the Q&A session, digits keyed so far per call, deadlines, the ids
 * of the last inputs applied, and when tones were last played. Immutable; {@link MeetingRules} returns the next one.
 * What documents written before a field existed lack reads as null (hence the boxed types): it defaults to empty,
 * counts are recounted.
 */
public record Conference(
        long meetingId,
        long meetingNumber,
        String ownerSid,
        List<String> ownerLineage,
        String subscriberName,
        long created,
        int state,
        boolean recording,
        boolean secured,
        int muteMode,
        int holdMode,
        int qaMode,
        int type,
        Map<String, String> attributes,
        List<AttributeSetting> changedAttributes,
        List<Participant> participants,
        Map<String, Long> deadlines,
        Long startedAt,
        List<Participant> waiting,
        RoleCount joinedCount,
        RoleCount waitingCount,
        Boolean othersMuted,
        RecordingTake take,
        QaSession qa,
        Map<String, String> keypad,
        List<String> appliedInputs,
        ToneTimes tones) {

    /** Meeting {@code state}: 0 not started yet (callers wait for a host), 1 on hold, 2 active. */
    public static final int NOT_STARTED = 0;
    public static final int ON_HOLD = 1;
    public static final int ACTIVE = 2;

    /** How many applied input ids are remembered: enough for any redelivery of a recent poll. */
    static final int APPLIED_INPUTS_KEPT = 64;

    public Conference {
        ownerLineage = List.copyOf(ownerLineage);
        attributes = Map.copyOf(attributes);
        changedAttributes = List.copyOf(changedAttributes);
        participants = List.copyOf(participants);
        deadlines = deadlines == null ? Map.of() : Map.copyOf(deadlines);
        // a meeting live before the start became a state of its own started when it was created
        startedAt = startedAt == null ? (state == NOT_STARTED ? 0L : created) : startedAt;
        othersMuted = othersMuted != null && othersMuted;
        waiting = waiting == null ? List.of() : List.copyOf(waiting);
        joinedCount = joinedCount == null ? RoleCount.of(participants) : joinedCount;
        waitingCount = waitingCount == null ? RoleCount.of(waiting) : waitingCount;
        take = take == null ? RecordingTake.NONE : take;
        qa = qa == null ? QaSession.NONE : qa;
        keypad = keypad == null ? Map.of() : Map.copyOf(keypad);
        appliedInputs = appliedInputs == null ? List.of() : List.copyOf(appliedInputs);
        tones = tones == null ? ToneTimes.NEVER : tones;
    }

    /** A meeting opened by its first caller's code, not started yet: the start rule decides when it starts. */
    public static Conference opening(RoomContext room, long meetingId, long now, int muteMode, int holdMode,
            int type) {
        return new Conference(meetingId, room.meetingNumber(), room.ownerSid(), room.ownerLineage(),
                room.ownerName(), now, NOT_STARTED, false, false, muteMode, holdMode, 0, type, room.attributes(),
                List.of(), List.of(), Map.of(), 0L, List.of(), RoleCount.NONE, RoleCount.NONE, false,
                RecordingTake.NONE, QaSession.NONE, Map.of(), List.of(), ToneTimes.NEVER);
    }

    /**
     * When the meeting must next be woken up (a {@link MeetingInput.Tick}), if ever: the earliest of its deadlines.
     * Deadlines are part of the meeting's state, written with it in one write, so none is lost or fired twice; the
     * relay mirrors the earliest into a durable timer that any instance fires.
     */
    public OptionalLong nextDeadline() {
        return deadlines.values().stream().mapToLong(Long::longValue).min();
    }

    /** The earliest deadline due at {@code now}, if any. */
    public Optional<String> dueDeadline(long now) {
        return deadlines.entrySet().stream().filter(deadline -> deadline.getValue() <= now)
                .min(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey);
    }

    public boolean started() {
        return state != NOT_STARTED;
    }

    /** A call the meeting holds, joined or waiting for the start. */
    public Optional<Participant> participant(long callId) {
        Optional<Participant> joined = joined(callId);
        return joined.isPresent() ? joined : waiting.stream().filter(p -> p.callId() == callId).findFirst();
    }

    /** A call in the meeting's mix. */
    public Optional<Participant> joined(long callId) {
        return participants.stream().filter(p -> p.callId() == callId).findFirst();
    }

    public boolean holds(long callId) {
        return participant(callId).isPresent();
    }

    /** Joined calls of {@code role}. */
    public long count(int role) {
        return joinedCount.of(role);
    }

    /** Every call the meeting holds, joined or waiting. */
    public int callers() {
        return participants.size() + waiting.size();
    }

    public String attribute(String name) {
        return attributes.getOrDefault(name, "");
    }

    public InForce inForce() {
        return new InForce(attributes);
    }

    public boolean applied(String inputId) {
        return appliedInputs.contains(inputId);
    }

    /** The digits {@code callId} keyed that may still become a binding. */
    public String keyed(long callId) {
        return keypad.getOrDefault(Long.toString(callId), "");
    }

    public Conference withDeadline(String name, long at) {
        Map<String, Long> next = new LinkedHashMap<>(deadlines);
        next.put(name, at);
        return edit(draft -> draft.deadlines = next);
    }

    public Conference withoutDeadline(String name) {
        if (!deadlines.containsKey(name)) {
            return this;
        }
        Map<String, Long> next = new LinkedHashMap<>(deadlines);
        next.remove(name);
        return edit(draft -> draft.deadlines = next);
    }

    public Conference startingAt(long at) {
        return edit(draft -> {
            draft.state = ACTIVE;
            draft.startedAt = at;
        });
    }

    public Conference withState(int next) {
        return edit(draft -> draft.state = next);
    }

    public Conference withSecured(boolean next) {
        return edit(draft -> draft.secured = next);
    }

    public Conference withOthersMuted(boolean next) {
        return edit(draft -> draft.othersMuted = next);
    }

    public Conference withTake(RecordingTake next) {
        return edit(draft -> {
            draft.take = next;
            draft.recording = next.running();
        });
    }

    public Conference withQa(int mode, QaSession session) {
        return edit(draft -> {
            draft.qaMode = mode;
            draft.qa = session;
        });
    }

    public Conference withTones(ToneTimes next) {
        return edit(draft -> draft.tones = next);
    }

    /** Digits {@code callId} keyed so far; empty forgets them. */
    public Conference withKeyed(long callId, String digits) {
        String key = Long.toString(callId);
        if (digits.equals(keypad.getOrDefault(key, ""))) {
            return this;
        }
        Map<String, String> next = new LinkedHashMap<>(keypad);
        if (digits.isEmpty()) {
            next.remove(key);
        } else {
            next.put(key, digits);
        }
        return edit(draft -> draft.keypad = next);
    }

    /** Remembers that input {@code inputId} was applied (the last {@value #APPLIED_INPUTS_KEPT} are kept). */
    public Conference applying(String inputId) {
        List<String> next = new ArrayList<>(appliedInputs);
        next.add(inputId);
        List<String> kept = next.subList(Math.max(0, next.size() - APPLIED_INPUTS_KEPT), next.size());
        return edit(draft -> draft.appliedInputs = List.copyOf(kept));
    }

    /** The joined calls replaced wholesale (a change that touches many calls at once); counts are recounted. */
    public Conference withParticipants(List<Participant> next) {
        return edit(draft -> {
            draft.participants = next;
            draft.joinedCount = RoleCount.of(next);
        });
    }

    /** A caller waits, on hold, for the meeting to start. */
    public Conference waitingFor(Participant caller) {
        List<Participant> next = new ArrayList<>(waiting);
        next.add(caller);
        return edit(draft -> {
            draft.waiting = next;
            draft.waitingCount = waitingCount.plus(caller.role());
        });
    }

    /** A caller joins the mix (leaving the waiting callers if it was one of them). */
    public Conference entering(Participant caller) {
        Conference left = waiting.stream().anyMatch(p -> p.callId() == caller.callId())
                ? without(caller.callId()) : this;
        List<Participant> next = new ArrayList<>(left.participants);
        next.add(caller);
        return left.edit(draft -> {
            draft.participants = next;
            draft.joinedCount = left.joinedCount.plus(caller.role());
        });
    }

    /** The call leaves, joined or waiting. */
    public Conference without(long callId) {
        Optional<Participant> joined = joined(callId);
        if (joined.isPresent()) {
            return edit(draft -> {
                draft.participants = participants.stream().filter(p -> p.callId() != callId).toList();
                draft.joinedCount = joinedCount.minus(joined.get().role());
            });
        }
        return waiting.stream().filter(p -> p.callId() == callId).findFirst()
                .map(gone -> edit(draft -> {
                    draft.waiting = waiting.stream().filter(p -> p.callId() != callId).toList();
                    draft.waitingCount = waitingCount.minus(gone.role());
                }))
                .orElse(this);
    }

    /** The call, joined or waiting, changed in place; a change of role moves it between the counts. */
    public Conference replacing(long callId, UnaryOperator<Participant> change) {
        Optional<Participant> before = participant(callId);
        if (before.isEmpty()) {
            return this;
        }
        Participant after = change.apply(before.get());
        boolean joined = joined(callId).isPresent();
        List<Participant> list = joined ? participants : waiting;
        List<Participant> next = list.stream().map(p -> p.callId() == callId ? after : p).toList();
        RoleCount counted = (joined ? joinedCount : waitingCount).minus(before.get().role()).plus(after.role());
        return edit(draft -> {
            if (joined) {
                draft.participants = next;
                draft.joinedCount = counted;
            } else {
                draft.waiting = next;
                draft.waitingCount = counted;
            }
        });
    }

    /** The attribute set on the live meeting: in force from now on, and listed among the meeting's changes. */
    public Conference withAttribute(String name, String value) {
        Map<String, String> inForce = new LinkedHashMap<>(attributes);
        inForce.put(name, value);
        List<AttributeSetting> changes = new ArrayList<>(changedAttributes.stream()
                .filter(setting -> !setting.name().equals(name)).toList());
        changes.add(new AttributeSetting(name, value));
        return edit(draft -> {
            draft.attributes = inForce;
            draft.changedAttributes = changes;
        });
    }

    private Conference edit(Consumer<ConferenceDraft> change) {
        ConferenceDraft draft = new ConferenceDraft(this);
        change.accept(draft);
        return draft.build();
    }
}
