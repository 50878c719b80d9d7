package org.conference.meeting.calls;

import java.time.Clock;
import java.util.Map;

import org.conference.common.api.ApiException;
import org.conference.common.api.ListEnvelope;
import org.conference.common.events.TelephonyCommand;
import org.conference.common.identity.Identity;
import org.conference.common.query.ListQuery;
import org.conference.common.query.MongoQueries;
import org.conference.meeting.meetings.CallView;
import org.conference.meeting.meetings.MeetingService;
import org.conference.meeting.meetings.MeetingViews;
import org.conference.meeting.support.Access;
import org.conference.meeting.support.EdgeCommands;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
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
    private final Clock clock;

    CallService(CallStore calls, MeetingService meetings, MeetingViews views, EdgeCommands edge, Clock clock) {
        this.calls = calls;
        this.meetings = meetings;
        this.views = views;
        this.edge = edge;
        this.clock = clock;
    }

    Mono<ListEnvelope<Map<String, Object>>> list(Identity caller, ListQuery query) {
        Criteria scope = Access.visible(caller, "ownerSid", "ownerLineage");
        Criteria criteria = query.filter().isEmpty() ? scope
                : new Criteria().andOperator(scope, MongoQueries.toCriteria(query.filter()));
        Query page = new Query(criteria).with(MongoQueries.toSort(query)).skip(query.offset()).limit(query.limit());
        return Mono.zip(calls.find(page).collectList(), calls.count(new Query(criteria)))
                .map(found -> {
                    long now = clock.millis();
                    var items = found.getT1().stream()
                            .map(call -> views.object(call.view(now), query.fields())).toList();
                    return new ListEnvelope<>("calls", items, query.offset(), found.getT2());
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
