package org.conference.callback.intake;

import java.util.List;
import java.util.Map;

import org.conference.callback.deliveries.Deliveries;
import org.conference.callback.deliveries.Delivery;
import org.conference.callback.dispatch.Dispatcher;
import org.conference.callback.targets.CallbackTarget;
import org.conference.callback.targets.CallbackTargets;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns one event into its deliveries, one per target, all of them stored before the work completes (and so before
 * the event's offset is committed); then hands them to the dispatcher. The webhook body is the event envelope as it
 * came, field for field.
 */
@Service
class EventIntake {

    private final CallbackTargets targets;
    private final Deliveries deliveries;
    private final Dispatcher dispatcher;
    private final ObjectMapper json;

    EventIntake(CallbackTargets targets, Deliveries deliveries, Dispatcher dispatcher, ObjectMapper json) {
        this.targets = targets;
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
        this.json = json;
    }

    /** Stores the deliveries of {@code event}; {@code ordered} for meeting events, whose sequence orders them. */
    Mono<List<Delivery>> accept(Map<String, Object> event, boolean ordered) {
        Envelope envelope = Envelope.of(event);
        String body = json.writeValueAsString(event);
        return targets.forOwner(envelope.subscriberSid())
                .flatMapMany(Flux::fromIterable)
                .concatMap(target -> deliveries.record(delivery(envelope, ordered, target, body), target))
                .collectList()
                .doOnNext(recorded -> recorded.forEach(dispatcher::dispatch));
    }

    private Delivery delivery(Envelope envelope, boolean ordered, CallbackTarget target, String body) {
        return deliveries.pending(envelope.id(), envelope.type(), envelope.occurredAt(), envelope.meetingNumber(),
                envelope.sequence(), ordered, target, body);
    }
}
