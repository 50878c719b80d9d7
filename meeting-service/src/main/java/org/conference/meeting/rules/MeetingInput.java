package org.conference.meeting.rules;

/** Everything that can change a live meeting, whichever way it arrived (the edge through Kafka, or the API). */
public sealed interface MeetingInput {

    /** A caller whose access code opened this meeting's room. {@code dtmfAt}: when the code's last digit arrived. */
    record Join(Participant participant, RoomContext room, long dtmfAt) implements MeetingInput {
    }

    /** The caller hung up (or the call never got in): it leaves, and its Call is gone. */
    record Leave(long callId) implements MeetingInput {
    }

    /** The server ends one call ({@code DELETE /calls/{id}}): the edge hangs it up, then it leaves. */
    record Drop(long callId) implements MeetingInput {
    }

    /** {@code PUT /calls/{id}}: only the fields sent are set. */
    record UpdateCall(long callId, CallChanges changes) implements MeetingInput {
    }

    /** {@code PUT /meetings/{n}/attributes/{name}} with a value the catalog accepted. */
    record SetAttribute(String name, String value) implements MeetingInput {
    }

    /** {@code DELETE /meetings/{n}}: every call is hung up and the meeting ends. */
    record End() implements MeetingInput {
    }

    /**
     * Digits keyed by a caller that is already in this meeting (joined, or waiting for it to start): one digit from
     * a real edge, a whole string from the simulator. {@code eventId} is the edge event's id: a redelivered event
     * must change nothing.
     */
    record Dtmf(long callId, String digits, String eventId) implements MeetingInput {
    }

    /**
     * The meeting's earliest deadline ({@link Conference#nextDeadline()}) is due: every deadline due at {@code now}
     * fires. Sent by whichever instance's timer fired; a tick with nothing due changes nothing.
     */
    record Tick() implements MeetingInput {
    }
}
