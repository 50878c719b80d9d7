package org.conference.gateway.throttling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class FailureThrottleTest {

    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        private Instant now = Instant.parse("2026-11-28T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final TestClock clock = new TestClock();
    private final FailureThrottle throttle = new FailureThrottle(new ThrottlingProperties(3, 5, Duration.ofMinutes(10),
            Duration.ofSeconds(30), Duration.ofMinutes(2)), clock);

    @Test
    void blocksALoginAtTheThresholdForTheBlockDuration() {
        fail("10.0.0.1", "alice", 2);
        assertThat(throttle.blockedFor("10.0.0.1", "alice")).isEmpty();

        fail("10.0.0.1", "alice", 1);
        assertThat(throttle.blockedFor("10.0.0.2", "ALICE")).contains(Duration.ofSeconds(30));
        assertThat(throttle.blockedFor("10.0.0.2", "bob")).isEmpty();

        clock.advance(Duration.ofSeconds(30));
        assertThat(throttle.blockedFor("10.0.0.2", "alice")).isEmpty();
    }

    @Test
    void doublesEachFurtherBlockUpToTheMaximum() {
        Duration[] expected = {Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120),
                Duration.ofSeconds(120)};
        for (Duration block : expected) {
            fail("10.0.0.1", "alice", 3);
            assertThat(throttle.blockedFor("10.0.0.9", "alice")).contains(block);
            clock.advance(block);
        }
    }

    @Test
    void forgetsFailuresAfterAQuietWindow() {
        fail("10.0.0.1", "alice", 2);
        clock.advance(Duration.ofMinutes(11));
        fail("10.0.0.1", "alice", 2);
        assertThat(throttle.blockedFor("10.0.0.1", "alice")).isEmpty();
    }

    @Test
    void aSuccessClearsItsLoginButNotTheAddress() {
        fail("10.0.0.1", "alice", 2);
        throttle.recordSuccess("alice");
        fail("10.0.0.1", "alice", 2);
        assertThat(throttle.blockedFor("10.0.0.1", "alice")).isEmpty();

        fail("10.0.0.1", null, 1);
        Optional<Duration> blocked = throttle.blockedFor("10.0.0.1", "someone-else");
        assertThat(blocked).contains(Duration.ofSeconds(30));
    }

    private void fail(String address, String login, int times) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(address, login);
        }
    }
}
