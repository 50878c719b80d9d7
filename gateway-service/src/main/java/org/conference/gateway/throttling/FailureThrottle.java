package org.conference.gateway.throttling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Counts failed authentications per login and per client address. Reaching a threshold blocks that key for a while
 * (doubling with each block in the window): the gateway then answers 429 without asking provisioning, so guesses
 * stop being tested at all. A success costs nothing extra: it is never delayed, and it clears its login's count (not
 * the address's, or one valid account would let a sprayer reset its counter).
 */
public class FailureThrottle {

    private static final Logger log = LoggerFactory.getLogger(FailureThrottle.class);
    private static final int MAX_KEYS = 100_000;

    private final ThrottlingProperties properties;
    private final Clock clock;
    private final Cache<String, Attempts> byLogin;
    private final Cache<String, Attempts> byAddress;

    public FailureThrottle(ThrottlingProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        Duration retention = properties.window().plus(properties.maxBlock());
        this.byLogin = Caffeine.newBuilder().expireAfterWrite(retention).maximumSize(MAX_KEYS).build();
        this.byAddress = Caffeine.newBuilder().expireAfterWrite(retention).maximumSize(MAX_KEYS).build();
    }

    /** How long the caller must wait, when its address or the login it tries is blocked. */
    public Optional<Duration> blockedFor(String address, String login) {
        Instant now = clock.instant();
        Duration wait = remaining(byAddress.getIfPresent(address), now);
        if (login != null) {
            Duration forLogin = remaining(byLogin.getIfPresent(normalize(login)), now);
            wait = forLogin.compareTo(wait) > 0 ? forLogin : wait;
        }
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    public void recordFailure(String address, String login) {
        Instant now = clock.instant();
        byAddress.asMap().compute(address, (key, attempts) -> next(attempts, now, properties.addressFailures(), key));
        if (login != null) {
            byLogin.asMap().compute(normalize(login),
                    (key, attempts) -> next(attempts, now, properties.loginFailures(), "login " + key));
        }
    }

    public void recordSuccess(String login) {
        if (login != null) {
            byLogin.invalidate(normalize(login));
        }
    }

    private Attempts next(Attempts previous, Instant now, int threshold, String what) {
        boolean fresh = previous == null || previous.lastFailure().plus(properties.window()).isBefore(now);
        int failures = fresh ? 1 : previous.failures() + 1;
        int blocks = fresh ? 0 : previous.blocks();
        Instant blockedUntil = fresh ? Instant.MIN : previous.blockedUntil();
        if (failures >= threshold) {
            Duration block = blockDuration(blocks);
            blockedUntil = now.plus(block);
            log.warn("{} blocked for {} after {} failed authentications", what, block, failures);
            return new Attempts(0, blocks + 1, now, blockedUntil);
        }
        return new Attempts(failures, blocks, now, blockedUntil);
    }

    private Duration blockDuration(int earlierBlocks) {
        Duration block = properties.block().multipliedBy(1L << Math.min(earlierBlocks, 20));
        return block.compareTo(properties.maxBlock()) > 0 ? properties.maxBlock() : block;
    }

    private static Duration remaining(Attempts attempts, Instant now) {
        if (attempts == null || !attempts.blockedUntil().isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, attempts.blockedUntil());
    }

    /** One counter per login whatever its case, so "Alice" and "alice" share the guesses. */
    private static String normalize(String login) {
        return login.toLowerCase(Locale.ROOT);
    }

    private record Attempts(int failures, int blocks, Instant lastFailure, Instant blockedUntil) {
    }
}
