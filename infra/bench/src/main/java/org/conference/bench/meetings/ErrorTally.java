package org.conference.bench.meetings;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.conference.bench.meetings.PlatformHttp.Answer;

/** Unexpected answers, counted by request and answer (safe to add to from the HTTP client's threads). */
final class ErrorTally {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    /** Counts {@code answer} unless it has the {@code expected} status; true when it had. */
    boolean expect(String request, Answer answer, int expected) {
        if (answer.status() == expected) {
            return true;
        }
        counts.computeIfAbsent(request + " -> " + answer.describe(), key -> new AtomicInteger()).incrementAndGet();
        return false;
    }

    int total() {
        return counts.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** Each kind of error with its count, sorted. */
    Map<String, Integer> byKind() {
        Map<String, Integer> sorted = new TreeMap<>();
        counts.forEach((kind, count) -> sorted.put(kind, count.get()));
        return sorted;
    }
}
