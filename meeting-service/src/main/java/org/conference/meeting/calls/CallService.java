package org.conference.meeting.calls;

import java.time.Clock;
import java.util.Map;

import org.conference.common.api.ApiException;
import org.conference.common.api.ListEnvelope;
import org.conference.common.events.TelephonyCommand;
import org.conference.common.identity.Identity;
import org.conference.common.query.ListQuery;
import org.conference.meeting.meetings.CallView;
import org.conference.meeting.meetings.MeetingService;
import org.conference.meeting.meetings.MeetingViews;
import org.conference.meeting.support.Access;
import org.conference.meeting.support.EdgeCommands;
import org.conference.meeting.support.VisibleLists;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/**
 * The Calls API: reads the call documents; changes a call in a meeting through its meeting, so the meeting's counts,
 * events and edge commands follow.
 */
@Service
class CallService {

    private final CallStore calls;
    private final MeetingService meetings;
    private final MeetingViews views;
    private final EdgeCommands edge;
    private final VisibleLists lists;
    private final Clock clock;

    CallService(CallStore calls, MeetingService meetings, MeetingViews views, EdgeCommands edge, VisibleLists lists,
            Clock clock) {
        this.calls = calls;
        this.meetings = meetings;
        this.views = views;
        this.edge = edge;
        this.lists = lists;
        this.clock = clock;
    }

    Mono<ListEnvelope<Map<String, Object>>> list(Identity caller, ListQuery query) {
        return lists.page(caller, query, new Criteria(), CallDocument.class, CallDocument.COLLECTION).map(page -> {
            long now = clock.millis();
            var items = page.items().stream().map(call -> views.object(call.view(now), query.fields())).toList();
            return new ListEnvelope<>("calls", items, page.offset(), page.total());
        });
    }

    Mono<CallView> find(Identity caller, long id) {
        return visible(caller, id).map(call -> call.view(clock.millis()));
    }

    Mono<CallView> update(Identity caller, long id, CallUpdate update) {
        return visible(caller, id).flatMap(call -> call.inMeeting()
                ? meetings.updateCall(caller, call.meetingNumber(), id, update.changes())
                : Mono.error(ApiException.conflict("id", "the call has not entered a meeting yet", null)));
    }

    /** Hangs the call up: through its meeting when it is in one, else straight at the edge. */
    Mono<Void> hangUp(Identity caller, long id) {
        return visible(caller, id).flatMap(call -> call.inMeeting()
                ? meetings.dropCall(caller, call.meetingNumber(), id)
                : edge.send(call.edgeCallId(), TelephonyCommand.HANGUP, null)
                        .then(calls.removeWaiting(call)).then());
    }

    private Mono<CallDocument> visible(Identity caller, long id) {
        return calls.byId(id).filter(call -> Access.canSee(caller, call))
                .switchIfEmpty(Mono.error(ApiException.notFound("call")));
    }
}
