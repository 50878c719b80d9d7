package org.conference.meeting.meetings;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.conference.common.api.ApiException;
import org.conference.common.api.ListEnvelope;
import org.conference.common.events.MeetingEvent;
import org.conference.common.identity.Identity;
import org.conference.common.persistence.ConcurrentWriteException;
import org.conference.common.query.ListQuery;
import org.conference.meeting.rules.CallChanges;
import org.conference.meeting.rules.Conference;
import org.conference.meeting.rules.MeetingInput;
import org.conference.meeting.rules.Outcome.Happening;
import org.conference.meeting.rules.Participant;
import org.conference.meeting.rules.RoomContext;
import org.conference.meeting.meetings.MeetingWriter.Written;
import org.conference.meeting.support.Access;
import org.conference.meeting.support.KafkaPublishing;
import org.conference.meeting.support.VisibleLists;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/**
 * Live meetings: what the API reads and changes, what the lobby hands over once a caller's code is known, and the
 * ticks of their deadline timers. Every change goes through {@link MeetingWriter}, then the relay publishes what it
 * decided.
 */
@Service
public class MeetingService {

    private final MeetingStore store;
    private final MeetingWriter writer;
    private final MeetingRelay relay;
    private final MeetingDeadlines deadlines;
    private final MeetingMetrics metrics;
    private final KafkaPublishing kafka;
    private final VisibleLists lists;
    private final Clock clock;

    MeetingService(MeetingStore store, MeetingWriter writer, MeetingRelay relay, MeetingDeadlines deadlines,
            MeetingMetrics metrics, KafkaPublishing kafka, VisibleLists lists, Clock clock) {
        this.store = store;
        this.writer = writer;
        this.relay = relay;
        this.deadlines = deadlines;
        this.metrics = metrics;
        this.kafka = kafka;
        this.lists = lists;
        this.clock = clock;
    }

    /** Hands a caller whose code opened {@code room} to the meeting's owner; done once the broker has it. */
    public Mono<Void> requestJoin(Participant caller, RoomContext room, long dtmfAt) {
        return request(MeetingRequest.join(caller, room, dtmfAt));
    }

    /** The caller of {@code callId} hung up; it leaves meeting {@code meetingNumber} (if it ever got in). */
    public Mono<Void> requestLeave(long meetingNumber, long callId) {
        return request(MeetingRequest.leave(meetingNumber, callId));
    }

    /**
     * The caller of {@code callId}, handed to meeting {@code meetingNumber}, keyed {@code digits} (telephony event
     * {@code eventId}); the meeting interprets them after everything sent for it before, its join included.
     */
    public Mono<Void> requestDtmf(long meetingNumber, long callId, String digits, String eventId) {
        return request(MeetingRequest.dtmf(meetingNumber, callId, digits, eventId));
    }

    private Mono<Void> request(MeetingRequest request) {
        return kafka.send(MeetingRequest.TOPIC, Long.toString(request.meetingNumber()), request);
    }

    /**
     * Applies inputs to one meeting and relays the result; the relay's own failures are left to its sweep. Whatever
     * applied them (the requests listener, the API, a timer), the callers the meeting turned away and the calls that
     * joined are counted here, once the write that decided it won: a caller who waited joins in the write of
     * whatever started the meeting (a host's join, an API call, a keyed binding), not in its own.
     */
    Mono<Written> apply(long meetingNumber, List<MeetingInput> inputs) {
        return writer.apply(meetingNumber, inputs)
                .onErrorMap(ConcurrentWriteException.class, busy -> ApiException.conflict("meetingNumber",
                        "the meeting is being changed by many requests at once, try again", null))
                .doOnNext(this::count)
                .flatMap(written -> written.document() == null ? Mono.just(written)
                        : relay.flush(meetingNumber).onErrorComplete().thenReturn(written));
    }

    private void count(Written written) {
        if (written.document() == null) {
            return;
        }
        written.outcome().refusals().forEach(refusal -> metrics.refused(refusal.reason()));
        long now = clock.millis();
        for (Happening happening : written.outcome().happenings()) {
            if (MeetingEvent.CALL_JOINED.equals(happening.type())) {
                metrics.joined(happening.call().codeKeyedAt(), now);
            }
        }
    }

    /**
     * The meeting's timer fired, on whichever instance claimed it: every deadline due now fires. Firing removes the
     * timer, and a tick that changes nothing writes nothing for the relay to mirror; so a timer that fired before
     * the meeting's next deadline (armed by a relay whose lease had run out, or not yet moved by a pending write) is
     * set again to that deadline here.
     */
    Mono<Void> tick(long meetingNumber) {
        return apply(meetingNumber, List.of(new MeetingInput.Tick()))
                .doOnNext(written -> metrics.ticked())
                .flatMap(written -> written.document() != null ? Mono.empty()
                        : rearmIfEarly(meetingNumber, written.outcome().conference()));
    }

    private Mono<Void> rearmIfEarly(long meetingNumber, Conference meeting) {
        OptionalLong next = meeting == null ? OptionalLong.empty() : meeting.nextDeadline();
        // a deadline already due that the tick left in place would only fire again at once: never loop on it
        return next.isPresent() && next.getAsLong() > clock.millis() ? deadlines.arm(meetingNumber, next.getAsLong())
                : Mono.empty();
    }

    Mono<ListEnvelope<Map<String, Object>>> list(Identity caller, ListQuery query, MeetingViews views) {
        return lists.page(caller, query, Criteria.where("live").is(true), MeetingDocument.class,
                        MeetingDocument.COLLECTION)
                .map(page -> views.meetings(page, query.fields(), clock.millis()));
    }

    /** The live meeting the caller may see, or 404. */
    Mono<Conference> find(Identity caller, long meetingNumber) {
        return store.find(meetingNumber)
                .filter(document -> document.live() && Access.canSee(caller, document))
                .map(MeetingDocument::conference)
                .switchIfEmpty(Mono.error(ApiException.notFound("meeting")));
    }

    /** {@code DELETE /meetings/{n}}: hangs up every call and ends the meeting. */
    Mono<Void> end(Identity caller, long meetingNumber) {
        return find(caller, meetingNumber).flatMap(meeting -> apply(meetingNumber, List.of(new MeetingInput.End())))
                .then();
    }

    Mono<Conference> setAttribute(Identity caller, long meetingNumber, String name, String value) {
        return find(caller, meetingNumber)
                .flatMap(meeting -> apply(meetingNumber, List.of(new MeetingInput.SetAttribute(name, value))))
                .flatMap(written -> liveOr404(written.outcome().conference()));
    }

    /** {@code PUT /calls/{id}} for a call in meeting {@code meetingNumber}: the Call as it is afterwards. */
    public Mono<CallView> updateCall(Identity caller, long meetingNumber, long callId, CallChanges changes) {
        return find(caller, meetingNumber)
                .flatMap(meeting -> apply(meetingNumber, List.of(new MeetingInput.UpdateCall(callId, changes))))
                .flatMap(written -> liveOr404(written.outcome().conference()))
                .flatMap(meeting -> Mono.justOrEmpty(meeting.participant(callId))
                        .map(call -> CallView.inMeeting(call, meetingNumber, clock.millis())))
                .switchIfEmpty(Mono.error(ApiException.notFound("call")));
    }

    /** {@code DELETE /calls/{id}} for a call in meeting {@code meetingNumber}: the edge hangs it up, it leaves. */
    public Mono<Void> dropCall(Identity caller, long meetingNumber, long callId) {
        return find(caller, meetingNumber)
                .flatMap(meeting -> meeting.participant(callId).isPresent()
                        ? apply(meetingNumber, List.of(new MeetingInput.Drop(callId))).then()
                        : Mono.error(ApiException.notFound("call")));
    }

    private static Mono<Conference> liveOr404(Conference meeting) {
        return meeting == null ? Mono.error(ApiException.notFound("meeting")) : Mono.just(meeting);
    }
}
