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
}
