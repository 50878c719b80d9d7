package org.conference.provisioning.subscribers;

import org.conference.common.persistence.Dependent;

import reactor.core.publisher.Mono;

/**
 * Something a subscriber owns that forbids deleting it (rooms, DID groups). Each feature answers for its own
 * collection; empty when the subscriber holds nothing there.
 */
public interface SubscriberHoldings {

    /** One thing {@code sid} still owns, e.g. "meeting room" / "273751". */
    Mono<Dependent> firstHeldBy(String sid);
}
