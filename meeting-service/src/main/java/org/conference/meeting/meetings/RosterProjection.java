package org.conference.meeting.meetings;

import java.util.List;

import org.conference.meeting.rules.Participant;

import reactor.core.publisher.Mono;

/**
 * Where the Calls that meetings change are kept for the Calls API. The calls feature implements it; a meeting only
 * says which Call is now what, as of which version of the meeting document, and a newer version always wins.
 */
public interface RosterProjection {

    /**
     * Brings the Calls of {@code changes} up to date (at most one change per Call). Each change applies only over an
     * older version of its meeting, so the changes are independent of each other and of their order.
     */
    Mono<Void> apply(List<Change> changes);

    /**
     * The Call {@code callId} as of meeting document {@code version}: joined (or changed) as {@code participant} in
     * meeting {@code meetingNumber} of {@code ownerSid}, or over when {@code participant} is null.
     */
    record Change(long version, long callId, long meetingNumber, String ownerSid, List<String> ownerLineage,
            Participant participant) {

        public boolean over() {
            return participant == null;
        }
    }
}
