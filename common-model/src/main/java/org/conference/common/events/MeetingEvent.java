package org.conference.common.events;

import java.util.Map;

/**
 * The domain event envelope of ARCHITECTURE.md §5, on {@link Topics#MEETING_EVENTS} keyed by meeting number and the
 * body of every webhook. {@code sequence} grows by one per meeting so receivers can order events and spot gaps.
 * {@code data} holds {@code meeting} and/or {@code call} exactly as the API returns those objects.
 */
public record MeetingEvent(
        String id,
        String type,
        long occurredAt,
        long sequence,
        long meetingNumber,
        String subscriberSid,
        Map<String, Object> data) {

    public static final String MEETING_STARTED = "meeting.started";
    public static final String MEETING_ENDED = "meeting.ended";
    /** The Meeting object changed while live (locked, on hold, Q&A mode, an attribute set): data holds it. */
    public static final String MEETING_UPDATED = "meeting.updated";
    public static final String CALL_CREATED = "call.created";
    public static final String CALL_JOINED = "call.joined";
    public static final String CALL_UPDATED = "call.updated";
    public static final String CALL_LEFT = "call.left";
    public static final String RECORDING_STARTED = "recording.started";
    public static final String RECORDING_STOPPED = "recording.stopped";
    public static final String RECORDING_AVAILABLE = "recording.available";
}
