package org.conference.media.files;

import java.time.Clock;
import java.time.Duration;

import org.conference.common.lifecycle.Rounds;
import org.conference.media.storage.ContentStore;
import org.conference.media.support.MediaProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Deletes content no descriptor points at once it is older than the grace period: what an upload cut short by a
 * crash left (chunks without a files document), what a crash between a replacement's switch and the old content's
 * deletion left, and what a refused upload's clean-up could not remove. The grace period outlasts any upload in
 * progress, whose content no descriptor points at yet.
 */
@Component
public class OrphanSweep implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OrphanSweep.class);

    private final ContentStore content;
    private final FileDescriptors descriptors;
    private final Duration grace;
    private final Duration interval;
    private final Clock clock = Clock.systemUTC();
    private final Rounds rounds = new Rounds(OrphanSweep.class, "Orphan sweep");

    OrphanSweep(ContentStore content, FileDescriptors descriptors, MediaProperties properties) {
        this.content = content;
        this.descriptors = descriptors;
        this.grace = properties.orphans().grace();
        this.interval = properties.orphans().sweepInterval();
    }

    /** One sweep; the number of orphans deleted. */
    public Mono<Long> sweep() {
        return content.startedBefore(clock.instant().minus(grace))
                .filterWhen(id -> descriptors.references(id).map(referenced -> !referenced))
                .concatMap(id -> content.delete(id).thenReturn(id))
                .count()
                .doOnNext(deleted -> {
                    if (deleted > 0) {
                        log.info("Deleted {} orphaned contents older than {}", deleted, grace);
                    }
                });
    }

    @Override
    public void start() {
        rounds.start(Flux.interval(interval, interval), this::sweep);
    }

    @Override
    public void stop() {
        rounds.stop();
    }

    @Override
    public boolean isRunning() {
        return rounds.isRunning();
    }
}
