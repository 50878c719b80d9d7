package org.conference.callback.dispatch;

import java.time.Clock;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.conference.callback.deliveries.Attempt;
import org.conference.callback.deliveries.Deliveries;
import org.conference.callback.deliveries.Delivery;
import org.conference.callback.support.CallbackSettings;
import org.conference.callback.targets.CallbackTargets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sends deliveries. A fresh delivery is tried at once, and so is the next one of a lane when its predecessor ends;
 * everything else (retries that are due, deliveries an endpoint had no room for, claims of a crashed instance whose
 * lease ran out) is found by the poll. Every attempt is claimed first, so two instances never send one delivery.
 */
@Component
public class Dispatcher implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final int POLL_BATCH = 200;
    private static final int TICKS_PER_DEPTH_COUNT = 15;

    private final Deliveries deliveries;
    private final CallbackTargets targets;
    private final TargetGuard guard;
    private final WebhookSender sender;
    private final DispatchMetrics metrics;
    private final Clock clock;
    private final CallbackSettings settings;
    private final String instance;
    private final Permits permits;
    private final AtomicLong ticks = new AtomicLong();
    private volatile Disposable polling;

    Dispatcher(Deliveries deliveries, CallbackTargets targets, TargetGuard guard, WebhookSender sender,
            DispatchMetrics metrics, Clock clock, CallbackSettings settings) {
        this.deliveries = deliveries;
        this.targets = targets;
        this.guard = guard;
        this.sender = sender;
        this.metrics = metrics;
        this.clock = clock;
        this.settings = settings;
        this.instance = settings.instanceId();
        this.permits = new Permits(settings.perEndpointConcurrency(), settings.overallConcurrency());
    }

    /** Tries the delivery now, without waiting for the outcome; if it cannot go now, the poll finds it later. */
    public void dispatch(Delivery delivery) {
        fire(delivery.id(), delivery.endpointId());
    }

    private void fire(String id, String endpointId) {
        attempt(id, endpointId).subscribe(null, failure -> LOG.warn("attempt of delivery {} failed", id, failure));
    }

    private Mono<Void> attempt(String id, String endpointId) {
        if (!permits.tryTake(endpointId)) {
            return Mono.empty();
        }
        AtomicBoolean held = new AtomicBoolean(true);
        Runnable giveBack = () -> {
            if (held.compareAndSet(true, false)) {
                permits.give(endpointId);
            }
        };
        return deliveries.claim(id, instance)
                .flatMap(this::sendClaimed)
                // the permit goes back before the lane's next delivery asks for one
                .doOnNext(next -> giveBack.run())
                .flatMap(next -> next.map(nextId -> deliveries.wake(nextId)
                        .then(Mono.defer(() -> attempt(nextId, endpointId)))).orElse(Mono.empty()))
                .doFinally(signal -> giveBack.run());
    }

    /** Sends a claimed delivery if its turn has come; completes with the lane's next delivery when this one ended. */
    private Mono<Optional<String>> sendClaimed(Delivery delivery) {
        return deliveries.turnOf(delivery).flatMap(turn -> {
            if (!turn.go()) {
                // its turn came while it was being held back: it is the lane's next one to try
                return deliveries.holdBack(delivery, instance, turn)
                        .map(woken -> woken ? Optional.of(delivery.id()) : Optional.<String>empty());
            }
            return deliveries.endpoint(delivery.endpointId()).map(endpoint -> endpoint.disabled())
                    .defaultIfEmpty(false)
                    .flatMap(disabled -> disabled
                            ? deliveries.release(delivery, instance).thenReturn(Optional.<String>empty())
                            : targets.secretOf(delivery.subscriberSid()).flatMap(secret -> secret.isPresent()
                                    ? send(delivery, secret.get())
                                    : settle(delivery, new Attempt(null, null,
                                            "the subscriber has no callback URL any more", null), true)));
        });
    }

    private Mono<Optional<String>> send(Delivery delivery, String secret) {
        return guard.check(delivery.url())
                .flatMap(address -> sender.send(delivery, secret, address))
                .onErrorResume(failure -> !(failure instanceof TargetRefusedException),
                        failure -> Mono.just(new Attempt(null, null, "cannot resolve the callback host: "
                                + failure.getMessage(), null)))
                .flatMap(attempt -> settle(delivery, attempt, false))
                .onErrorResume(TargetRefusedException.class, refused -> {
                    LOG.info("delivery {} refused: {}", delivery.id(), refused.getMessage());
                    return deliveries.refuse(delivery, instance, refused.getMessage())
                            .doOnNext(ended -> metrics.ended(Delivery.REFUSED))
                            .map(Deliveries.Ended::nextInLane);
                });
    }

    private Mono<Optional<String>> settle(Delivery delivery, Attempt attempt, boolean hopeless) {
        if (!hopeless) {
            metrics.attempted(attempt.status());
        }
        if (attempt.succeeded()) {
            return deliveries.succeed(delivery, instance, attempt).map(ended -> {
                metrics.ended(Delivery.SUCCEEDED);
                metrics.delivered(delivery.occurredAt(), clock.millis());
                return ended.nextInLane();
            });
        }
        Mono<Deliveries.Ended> ending;
        if (attempt.gone()) {
            LOG.info("endpoint {} answered 410 Gone: disabled until enabled again", delivery.endpointId());
            ending = deliveries.disable(delivery.endpointId(), "the endpoint answered 410 Gone")
                    .then(deliveries.fail(delivery, instance, attempt));
        } else if (hopeless) {
            ending = deliveries.fail(delivery, instance, attempt);
        } else {
            ending = deliveries.retryOrFail(delivery, instance, attempt);
        }
        return ending.map(ended -> {
            if (Delivery.FAILED.equals(ended.delivery().status())) {
                metrics.ended(Delivery.FAILED);
            }
            return ended.nextInLane();
        });
    }

    private Mono<Void> poll() {
        int room = Math.min(permits.free(), POLL_BATCH);
        Mono<Void> depth = ticks.incrementAndGet() % TICKS_PER_DEPTH_COUNT == 1
                ? deliveries.countOpen().doOnNext(metrics::queueDepth).then() : Mono.empty();
        if (room == 0) {
            return depth;
        }
        return deliveries.disabledEndpoints()
                .flatMapMany(disabled -> {
                    Set<String> skipped = new HashSet<>(disabled);
                    skipped.addAll(permits.saturated());
                    return deliveries.due(skipped, room);
                })
                .doOnNext(due -> fire(due.id(), due.endpointId()))
                .then(depth);
    }

    @Override
    public void start() {
        polling = Flux.interval(settings.pollInterval())
                .onBackpressureDrop()
                .concatMap(tick -> poll().onErrorResume(failure -> {
                    LOG.warn("polling for due deliveries failed", failure);
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = polling;
        if (running != null) {
            running.dispose();
        }
        polling = null;
    }

    @Override
    public boolean isRunning() {
        return polling != null;
    }
}
