package org.conference.meeting.calls;

import java.util.List;

import org.conference.meeting.meetings.RosterProjection;
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
    public Mono<Void> apply(List<Change> changes) {
        return calls.project(changes);
    }
}
