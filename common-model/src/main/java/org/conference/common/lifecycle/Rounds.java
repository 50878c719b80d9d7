package org.conference.common.lifecycle;

import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one home of a background loop that works in rounds (outbox relays, sweeps, gauge readings): a round per tick,
 * never two at once, ticks that come during a round dropped (the next round does what they asked for), and a failed
 * round logged and left to the next, so one failure never ends the loop. Its owner is the {@code SmartLifecycle} and
 * delegates {@code start}/{@code stop}/{@code isRunning} here.
 */
public final class Rounds {

    private final Logger log;
    private final String what;
    private volatile Disposable loop;

    /** {@code what} names the round in the log, e.g. "Outbox relay round". */
    public Rounds(Class<?> owner, String what) {
        this.log = LoggerFactory.getLogger(owner);
        this.what = what;
    }

    public void start(Flux<?> ticks, Supplier<? extends Mono<?>> round) {
        loop = ticks.onBackpressureDrop()
                .concatMap(tick -> round.get().onErrorResume(failure -> {
                    log.warn("{} failed, trying again next round: {}", what, failure.toString());
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    public void stop() {
        Disposable running = loop;
        if (running != null) {
            running.dispose();
        }
        loop = null;
    }

    public boolean isRunning() {
        return loop != null;
    }
}
