package org.conference.callback.support;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code conference.callbacks.*}: how webhooks are delivered (ARCHITECTURE.md §5).
 *
 * @param allowPrivateTargets     deliver to private, loopback and link-local addresses (local stack and tests only)
 * @param retrySchedule           the wait before each retry; one more failure after the last one marks it failed
 * @param retryAfterLimit         the longest {@code Retry-After} a receiver gets; a longer one is cut to it
 * @param jitter                  each wait is moved by up to this fraction either way, so retries do not arrive in waves
 * @param connectTimeout          to open the connection
 * @param timeout                 the whole attempt, connect included: success is a 2xx within it
 * @param lease                   how long a claim keeps other instances off a delivery; longer than {@code timeout}
 * @param pollInterval            how often each instance looks for due retries and work left by others
 * @param heldBackRecheck         how long a delivery waiting behind an earlier one of its endpoint and meeting is left
 *                                alone before it is looked at again (it is woken at once when its turn comes)
 * @param perEndpointConcurrency  requests in flight to one endpoint from one instance
 * @param overallConcurrency      requests in flight from one instance
 * @param responseSnippet         characters of a response body kept for the operations API
 * @param instanceId              names this instance in its claims
 */
@ConfigurationProperties("conference.callbacks")
public record CallbackSettings(
        @DefaultValue("false") boolean allowPrivateTargets,
        @DefaultValue("5s,30s,2m,10m,30m,1h,3h,6h") List<Duration> retrySchedule,
        @DefaultValue("6h") Duration retryAfterLimit,
        @DefaultValue("0.2") double jitter,
        @DefaultValue("3s") Duration connectTimeout,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("30s") Duration lease,
        @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("30s") Duration heldBackRecheck,
        @DefaultValue("8") int perEndpointConcurrency,
        @DefaultValue("256") int overallConcurrency,
        @DefaultValue("512") int responseSnippet,
        String instanceId) {

    public CallbackSettings {
        if (retrySchedule.isEmpty()) {
            throw new IllegalArgumentException("conference.callbacks.retry-schedule needs at least one wait");
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("conference.callbacks.jitter must be in [0, 1)");
        }
        if (lease.compareTo(timeout) <= 0) {
            throw new IllegalArgumentException("conference.callbacks.lease must be longer than the timeout");
        }
        retrySchedule = List.copyOf(retrySchedule);
        instanceId = instanceId == null || instanceId.isBlank() ? UUID.randomUUID().toString() : instanceId;
    }
}
