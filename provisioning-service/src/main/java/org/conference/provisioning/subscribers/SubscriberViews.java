package org.conference.provisioning.subscribers;

import java.util.List;

import org.conference.common.identity.Identity;
import org.conference.common.query.Page;
import org.conference.provisioning.support.Embedding;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** Subscriber objects as the API shows them to a caller, with their meeting rooms (one room query a page). */
@Component
class SubscriberViews {

    private final SubscriberRooms rooms;

    SubscriberViews(SubscriberRooms rooms) {
        this.rooms = rooms;
    }

    /** The subscriber a request found or wrote. */
    Mono<SubscriberView> one(Mono<SubscriberDocument> subscriber, Identity viewer) {
        return Embedding.one(subscriber, found -> all(found, viewer));
    }

    Mono<Page<SubscriberView>> page(Mono<Page<SubscriberDocument>> page, Identity viewer) {
        return Embedding.page(page, found -> all(found, viewer));
    }

    private Mono<List<SubscriberView>> all(List<SubscriberDocument> subscribers, Identity viewer) {
        return Embedding.views(subscribers, SubscriberDocument::sid, rooms::byOwner,
                (subscriber, owned) -> SubscriberView.of(subscriber, owned, viewer));
    }
}
