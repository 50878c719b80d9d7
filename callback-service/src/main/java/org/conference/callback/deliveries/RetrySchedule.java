package org.conference.callback.deliveries;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.conference.callback.support.CallbackSettings;
import org.springframework.stereotype.Component;

/**
 * When the next attempt comes after a failure (ARCHITECTURE.md §5): the schedule's step for this failure, moved by
 * the jitter; a {@code Retry-After} of the receiver replaces the step, up to {@code retry-after-limit}. After the last
 * step, none: the delivery has failed.
 */
@Component
public class RetrySchedule {

    private final List<Duration> waits;
    private final double jitter;
    private final Duration retryAfterLimit;

    public RetrySchedule(CallbackSettings settings) {
        this.waits = settings.retrySchedule();
        this.jitter = settings.jitter();
        this.retryAfterLimit = settings.retryAfterLimit();
    }

    /** The wait after failure number {@code failures} (1 for the first), or empty when none is left. */
    public Optional<Duration> after(int failures, Duration retryAfter) {
        if (failures < 1 || failures > waits.size()) {
            return Optional.empty();
        }
        if (retryAfter != null && !retryAfter.isNegative()) {
            return Optional.of(retryAfter.compareTo(retryAfterLimit) > 0 ? retryAfterLimit : retryAfter);
        }
        Duration step = waits.get(failures - 1);
        double factor = jitter == 0 ? 1 : 1 + ThreadLocalRandom.current().nextDouble(-jitter, jitter);
        return Optional.of(Duration.ofMillis(Math.round(step.toMillis() * factor)));
    }
}
