package org.conference.callback.operations;

import java.util.List;
import java.util.Map;

import org.conference.callback.deliveries.Deliveries;
import org.conference.callback.deliveries.Delivery;
import org.conference.callback.dispatch.Dispatcher;
import org.conference.common.api.ApiException;
import org.conference.common.api.ListEnvelope;
import org.conference.common.identity.Identity;
import org.conference.common.query.ListQuery;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/** What subscribers and their administrators do with deliveries: look, replay, and enable a disabled endpoint. */
@Service
class Operations {

    private static final List<String> REPLAYABLE = List.of(Delivery.FAILED, Delivery.REFUSED, Delivery.SUCCEEDED);

    private final Deliveries deliveries;
    private final Dispatcher dispatcher;

    Operations(Deliveries deliveries, Dispatcher dispatcher) {
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
    }

    Mono<ListEnvelope<Map<String, Object>>> deliveries(Identity caller, ListQuery query) {
        return deliveries.page(Visibility.visible(caller), query).map(page -> new ListEnvelope<>("deliveries",
                query.fields().applyAll(page.items().stream().map(Views::delivery).toList()), page.offset(),
                page.total()));
    }

    Mono<Delivery> delivery(Identity caller, String id) {
        return deliveries.find(id).switchIfEmpty(Mono.error(() -> ApiException.notFound("delivery")))
                .map(found -> Visibility.requireVisible(caller, found, found.subscriberSid(), found.ownerLineage(),
                        "delivery"));
    }

    /** Sends one delivery again from the first step of the schedule, whatever it ended as; an open one is left be. */
    Mono<Delivery> replay(Identity caller, String id) {
        return delivery(caller, id).flatMap(found -> {
            Visibility.requireChangeable(caller, found.subscriberSid());
            if (found.open()) {
                return Mono.error(ApiException.conflict("id", "the delivery is still " + found.status(), null));
            }
            return deliveries.replay(id).doOnNext(dispatcher::dispatch);
        });
    }

    /** Replays every delivery the caller may change that ended as {@code status} at or after {@code since}. */
    Mono<Map<String, Object>> replayEnded(Identity caller, ReplayRequest request) {
        if (request == null || request.status() == null || !REPLAYABLE.contains(request.status())) {
            return Mono.error(ApiException.validation("status", "must be one of " + REPLAYABLE));
        }
        if (request.since() == null || request.since() < 0) {
            return Mono.error(ApiException.validation("since", "must be a time in epoch milliseconds"));
        }
        return deliveries.endedSince(Visibility.changeable(caller), request.status(), request.since())
                .concatMap(ended -> deliveries.replay(ended.id()))
                .doOnNext(dispatcher::dispatch)
                .count()
                .map(replayed -> Map.of("replayed", replayed));
    }

    Mono<ListEnvelope<Map<String, Object>>> endpoints(Identity caller, ListQuery query) {
        return deliveries.endpointPage(Visibility.visible(caller), query).map(page -> new ListEnvelope<>(
                "endpoints", query.fields().applyAll(page.items().stream().map(Views::endpoint).toList()),
                page.offset(), page.total()));
    }

    Mono<Map<String, Object>> endpoint(Identity caller, String id) {
        return deliveries.endpoint(id).switchIfEmpty(Mono.error(() -> ApiException.notFound("endpoint")))
                .map(found -> Views.endpoint(Visibility.requireVisible(caller, found, found.subscriberSid(),
                        found.ownerLineage(), "endpoint")));
    }

    /** Lets deliveries go to the endpoint again; those that waited are picked up by the next poll, in order. */
    Mono<Map<String, Object>> enable(Identity caller, String id) {
        return deliveries.endpoint(id).switchIfEmpty(Mono.error(() -> ApiException.notFound("endpoint")))
                .flatMap(found -> {
                    Visibility.requireVisible(caller, found, found.subscriberSid(), found.ownerLineage(), "endpoint");
                    Visibility.requireChangeable(caller, found.subscriberSid());
                    return deliveries.enable(id);
                })
                .map(Views::endpoint);
    }

}
