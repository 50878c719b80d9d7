package org.conference.provisioning.subscribers;

import reactor.core.publisher.Mono;

/**
 * Something a subscriber owns that forbids deleting it (rooms, DID groups). Each feature answers for its own
 * collection; empty when the subscriber holds nothing there.
 */
public interface SubscriberHoldings {

    /** A description of one thing {@code sid} still owns, with its id, e.g. "meeting room" / "273751". */
    Mono<Holding> firstHeldBy(String sid);

    record Holding(String what, String id) {
    }
}
