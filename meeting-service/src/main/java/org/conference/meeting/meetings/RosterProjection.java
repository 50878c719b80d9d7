package org.conference.meeting.meetings;

import java.util.List;

import org.conference.meeting.rules.Participant;

import reactor.core.publisher.Mono;

/**
 * Where the Calls that meetings change are kept for the Calls API. The calls feature implements it; a meeting only
 * says which Call is now what, as of which version of the meeting document, and a newer version always wins.
 */
public interface RosterProjection {

    /** The Call {@code callId} joined (or changed) in meeting {@code meetingNumber} of {@code ownerSid}. */
    Mono<Void> joined(long version, long callId, long meetingNumber, String ownerSid, List<String> ownerLineage,
            Participant participant);

    /** The Call {@code callId} is over. */
    Mono<Void> gone(long version, long callId);
}
