package org.conference.meeting.meetings;

import java.util.Optional;
import java.util.UUID;

import org.conference.meeting.rules.MeetingInput;
import org.conference.meeting.rules.Participant;
import org.conference.meeting.rules.RoomContext;

/**
 * What happens to a caller of a meeting, re-keyed by meeting number onto {@link #TOPIC} once its code is known, so
 * that one consumer at a time applies everything that happens to one meeting, in order (see the README).
 * {@code kind} is {@code join} (with the participant, the room it opened and when its code was keyed in),
 * {@code leave}, or {@code dtmf} (digits the caller keyed once handed to the meeting, with the telephony event's id
 * in {@code eventId}: a redelivered event carries the same id, which the meeting recognises).
 */
public record MeetingRequest(String id, String kind, long meetingNumber, long callId, Participant participant,
        RoomContext room, long dtmfAt, String digits, String eventId) {

    /** Internal to meeting-service: keyed by meeting number. */
    public static final String TOPIC = "conference.meeting.requests";
    public static final String JOIN = "join";
    public static final String LEAVE = "leave";
    public static final String DTMF = "dtmf";

    static MeetingRequest join(Participant caller, RoomContext room, long dtmfAt) {
        return new MeetingRequest(newId(), JOIN, room.meetingNumber(), caller.callId(), caller, room, dtmfAt, null,
                null);
    }

    static MeetingRequest leave(long meetingNumber, long callId) {
        return new MeetingRequest(newId(), LEAVE, meetingNumber, callId, null, null, 0, null, null);
    }

    static MeetingRequest dtmf(long meetingNumber, long callId, String digits, String eventId) {
        return new MeetingRequest(newId(), DTMF, meetingNumber, callId, null, null, 0, digits, eventId);
    }

    /** The input this request is for the meeting, or empty when it is malformed. */
    Optional<MeetingInput> input() {
        if (JOIN.equals(kind) && participant != null && room != null) {
            return Optional.of(new MeetingInput.Join(participant, room, dtmfAt));
        }
        if (LEAVE.equals(kind)) {
            return Optional.of(new MeetingInput.Leave(callId));
        }
        if (DTMF.equals(kind) && digits != null && eventId != null) {
            return Optional.of(new MeetingInput.Dtmf(callId, digits, eventId));
        }
        return Optional.empty();
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
