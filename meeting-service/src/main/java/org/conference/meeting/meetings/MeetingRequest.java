package org.conference.meeting.meetings;

import org.conference.meeting.rules.Participant;
import org.conference.meeting.rules.RoomContext;

/**
 * A caller entering or leaving a meeting, re-keyed by meeting number onto {@link #TOPIC} once its code is known,
 * so that one consumer at a time applies everything that happens to one meeting, in order (see the README).
 * {@code kind} is {@code join} (with the participant, the room it opened and when its code was keyed in) or
 * {@code leave}.
 */
public record MeetingRequest(String id, String kind, long meetingNumber, long callId, Participant participant,
        RoomContext room, long dtmfAt) {

    /** Internal to meeting-service: keyed by meeting number. */
    public static final String TOPIC = "conference.meeting.requests";
    public static final String JOIN = "join";
    public static final String LEAVE = "leave";
}
