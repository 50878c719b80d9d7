package org.conference.callback.dispatch;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Requests in flight from this instance, per endpoint and in all; taken without waiting, so a slow or dead endpoint
 * fills only its own share and the work of every other endpoint goes on.
 */
final class Permits {

    private final int perEndpoint;
    private final int overall;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ConcurrentHashMap<String, AtomicInteger> byEndpoint = new ConcurrentHashMap<>();

    Permits(int perEndpoint, int overall) {
        this.perEndpoint = perEndpoint;
        this.overall = overall;
    }

    boolean tryTake(String endpointId) {
        if (inFlight.incrementAndGet() > overall) {
            inFlight.decrementAndGet();
            return false;
        }
        AtomicInteger mine = byEndpoint.computeIfAbsent(endpointId, id -> new AtomicInteger());
        if (mine.incrementAndGet() > perEndpoint) {
            mine.decrementAndGet();
            inFlight.decrementAndGet();
            return false;
        }
        return true;
    }

    void give(String endpointId) {
        byEndpoint.computeIfPresent(endpointId, (id, count) -> count.decrementAndGet() <= 0 ? null : count);
        inFlight.decrementAndGet();
    }

    int free() {
        return Math.max(0, overall - inFlight.get());
    }

    /** Endpoints with no permit left: due-work queries skip them. */
    Set<String> saturated() {
        return byEndpoint.entrySet().stream().filter(entry -> entry.getValue().get() >= perEndpoint)
                .map(java.util.Map.Entry::getKey).collect(Collectors.toSet());
    }
}
