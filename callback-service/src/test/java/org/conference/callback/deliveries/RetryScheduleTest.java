package org.conference.callback.deliveries;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.conference.callback.support.CallbackSettings;
import org.junit.jupiter.api.Test;

/** When a failed delivery is tried again (ARCHITECTURE.md §5). */
class RetryScheduleTest {

    private static CallbackSettings settings(List<Duration> schedule, double jitter) {
        return new CallbackSettings(false, schedule, Duration.ofHours(6), jitter, Duration.ofSeconds(3),
                Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMillis(500), Duration.ofSeconds(15), 8,
                256, 512, "test");
    }

    private static final List<Duration> DEFAULT = List.of(Duration.ofSeconds(5), Duration.ofSeconds(30),
            Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1),
            Duration.ofHours(3), Duration.ofHours(6));

    @Test
    void followsTheScheduleWithinTheJitterAndEndsAfterItsLastStep() {
        RetrySchedule schedule = new RetrySchedule(settings(DEFAULT, 0.2));

        for (int failure = 1; failure <= DEFAULT.size(); failure++) {
            long step = DEFAULT.get(failure - 1).toMillis();
            for (int draw = 0; draw < 50; draw++) {
                assertThat(schedule.after(failure, null)).get()
                        .satisfies(wait -> assertThat(wait.toMillis()).isBetween(Math.round(step * 0.8),
                                Math.round(step * 1.2)));
            }
        }
        assertThat(schedule.after(DEFAULT.size() + 1, null)).isEmpty();
    }

    @Test
    void jitterSpreadsRetriesOfOneStep() {
        RetrySchedule schedule = new RetrySchedule(settings(DEFAULT, 0.2));

        long distinct = java.util.stream.IntStream.range(0, 20).mapToObj(i -> schedule.after(1, null).orElseThrow())
                .distinct().count();

        assertThat(distinct).isGreaterThan(1);
    }

    @Test
    void aRetryAfterReplacesTheStepUpToTheLimit() {
        RetrySchedule schedule = new RetrySchedule(settings(DEFAULT, 0.2));

        assertThat(schedule.after(1, Duration.ofSeconds(90))).contains(Duration.ofSeconds(90));
        assertThat(schedule.after(1, Duration.ofDays(2))).contains(Duration.ofHours(6));
        // the schedule still ends: Retry-After does not buy more attempts
        assertThat(schedule.after(DEFAULT.size() + 1, Duration.ofSeconds(1))).isEmpty();
    }
}
