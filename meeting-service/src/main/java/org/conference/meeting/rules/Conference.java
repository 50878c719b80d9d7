package org.conference.meeting.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

import org.conference.common.events.AttributeSetting;

/**
 * A live meeting: the reference's Meeting object (minus {@code duration}, computed when read), the attributes in
 * force, and its participants in the order they joined. Immutable; {@link MeetingRules} returns the next one.
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
        Map<String, Long> deadlines) {

    public static final int ACTIVE = 2;
    public static final int ON_HOLD = 1;

    public Conference {
        ownerLineage = List.copyOf(ownerLineage);
        attributes = Map.copyOf(attributes);
        changedAttributes = List.copyOf(changedAttributes);
        participants = List.copyOf(participants);
        // documents written before deadlines existed have none
        deadlines = deadlines == null ? Map.of() : Map.copyOf(deadlines);
    }

    /**
     * When the meeting must next be woken up (a {@link MeetingInput.Tick}), if ever: the earliest of its deadlines.
     * Deadlines are part of the meeting's state, written with it in one write, so none is lost or fired twice; the
     * relay mirrors the earliest into a durable timer that any instance fires.
     */
    public OptionalLong nextDeadline() {
        return deadlines.values().stream().mapToLong(Long::longValue).min();
    }

    /** Sets (or moves) the deadline {@code name} to {@code at} (epoch millis). */
    Conference withDeadline(String name, long at) {
        Map<String, Long> next = new LinkedHashMap<>(deadlines);
        next.put(name, at);
        return withDeadlines(next);
    }

    Conference withoutDeadline(String name) {
        if (!deadlines.containsKey(name)) {
            return this;
        }
        Map<String, Long> next = new LinkedHashMap<>(deadlines);
        next.remove(name);
        return withDeadlines(next);
    }

    private Conference withDeadlines(Map<String, Long> next) {
        return new Conference(meetingId, meetingNumber, ownerSid, ownerLineage, subscriberName, created, state,
                recording, secured, muteMode, holdMode, qaMode, type, attributes, changedAttributes, participants,
                next);
    }

    public Optional<Participant> participant(long callId) {
        return participants.stream().filter(p -> p.callId() == callId).findFirst();
    }

    public long count(int role) {
        return participants.stream().filter(p -> p.role() == role).count();
    }

    public String attribute(String name) {
        return attributes.getOrDefault(name, "");
    }

    Conference withParticipants(List<Participant> next) {
        return new Conference(meetingId, meetingNumber, ownerSid, ownerLineage, subscriberName, created, state,
                recording, secured, muteMode, holdMode, qaMode, type, attributes, changedAttributes, next, deadlines);
    }

    Conference adding(Participant participant) {
        List<Participant> next = new ArrayList<>(participants);
        next.add(participant);
        return withParticipants(next);
    }

    Conference without(long callId) {
        return withParticipants(participants.stream().filter(p -> p.callId() != callId).toList());
    }

    Conference replacing(long callId, UnaryOperator<Participant> change) {
        return withParticipants(participants.stream().map(p -> p.callId() == callId ? change.apply(p) : p).toList());
    }

    /** The attribute set on the live meeting: in force from now on, and listed among the meeting's changes. */
    Conference withAttribute(String name, String value) {
        Map<String, String> inForce = new LinkedHashMap<>(attributes);
        inForce.put(name, value);
        List<AttributeSetting> changes = new ArrayList<>(changedAttributes.stream()
                .filter(setting -> !setting.name().equals(name)).toList());
        changes.add(new AttributeSetting(name, value));
        return new Conference(meetingId, meetingNumber, ownerSid, ownerLineage, subscriberName, created, state,
                recording, secured, muteMode, holdMode, qaMode, type, inForce, changes, participants, deadlines);
    }
}
