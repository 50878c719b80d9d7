package org.conference.meeting.calls;

import java.util.List;

import org.conference.meeting.meetings.RosterProjection;
import org.conference.meeting.rules.Participant;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** Keeps the Calls of live meetings up to date for the Calls API, as the meetings decide. */
@Component
class CallRoster implements RosterProjection {

    private final CallStore calls;

    CallRoster(CallStore calls) {
        this.calls = calls;
    }

    @Override
    public Mono<Void> joined(long version, long callId, long meetingNumber, String ownerSid, List<String> ownerLineage,
            Participant participant) {
        return calls.projectJoined(version, callId, meetingNumber, ownerSid, ownerLineage, participant);
    }

    @Override
    public Mono<Void> gone(long version, long callId) {
        return calls.projectGone(version, callId);
    }
}
