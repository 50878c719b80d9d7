package org.conference.edge.sip;

import org.conference.common.events.TelephonyEvent;
import org.conference.common.telephony.TelephonyPublisher;

import reactor.core.publisher.Mono;

/**
 * One call's events, published in the order they happened: each waits for the one before (its acknowledgement or
 * its failure), so that two digits keyed in quickly, or a {@code call.hungup} right after {@code call.offered}, reach
 * the partition in that order. Nothing here blocks: {@link #publish} only links a step onto the chain.
 */
final class CallEvents {

    private final TelephonyPublisher publisher;
    private Mono<Void> last = Mono.empty();

    CallEvents(TelephonyPublisher publisher) {
        this.publisher = publisher;
    }

    /** Publishes after the events before it; the answer completes when the broker has it (or fails). */
    synchronized Mono<Void> publish(TelephonyEvent event) {
        Mono<Void> next = last.onErrorResume(failure -> Mono.empty())
                .then(Mono.defer(() -> publisher.publish(event)))
                .cache();
        last = next;
        next.subscribe(null, failure -> { });
        return next;
    }
}
