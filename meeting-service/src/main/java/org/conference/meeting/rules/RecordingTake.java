package org.conference.meeting.rules;

/**
 * The meeting's recording as the edge sees it: the edge records the mix through one joined call (the carrier) under
 * a name; {@code takes} counts the names used so far in this meeting (each start and each new segment is one), so
 * names never repeat: {@code <meetingNumber>-<meetingId>-<take>}. {@code name} is null while nothing records.
 */
public record RecordingTake(int takes, String name, long carrierCallId) {

    public static final RecordingTake NONE = new RecordingTake(0, null, 0);

    public boolean running() {
        return name != null;
    }

    public boolean carriedBy(long callId) {
        return running() && carrierCallId == callId;
    }

    /** The next take, carried by {@code carrier}. */
    public RecordingTake next(Conference meeting, long carrier) {
        int take = takes + 1;
        return new RecordingTake(take, meeting.meetingNumber() + "-" + meeting.meetingId() + "-" + take, carrier);
    }

    public RecordingTake stopped() {
        return new RecordingTake(takes, null, 0);
    }
}
