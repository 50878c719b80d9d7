package org.conference.callback.support;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Runs a Kafka record's reactive work to completion on the listener's own consumer thread, which exists to wait: the
 * container must not commit the record's offset before its deliveries are in Mongo, or a crash would lose them. It
 * is never a Netty or driver event loop. A failure is rethrown, so the container's error handler retries the record
 * and then dead-letters it.
 */
@Component
public class ListenerWork {

    private final Duration limit;

    public ListenerWork(@Value("${conference.kafka.listener-work-timeout:PT60S}") Duration limit) {
        this.limit = limit;
    }

    public <T> T await(Mono<T> work) {
        return work.block(limit);
    }
}
