package org.conference.media.support;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Runs a Kafka record's reactive work to completion on the listener's own consumer thread, which exists to wait (it
 * is never an event loop): the record is committed only once its work is done, and a failure is rethrown so the
 * container's error handler retries the record and then dead-letters it.
 */
@Component
public class ListenerWork {

    private final Duration limit;

    public ListenerWork(@Value("${conference.kafka.listener-work-timeout:PT120S}") Duration limit) {
        this.limit = limit;
    }

    public <T> T await(Mono<T> work) {
        return work.block(limit);
    }
}
