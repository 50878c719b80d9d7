package org.conference.testsupport.softphone;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * The events one baresip reported, in order, written by the control channel's reader thread and awaited by the test's
 * thread.
 */
final class EventLog {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<SoftphoneEvent> events = new ArrayList<>();
    private String endedBecause;

    void add(SoftphoneEvent event) {
        lock.lock();
        try {
            events.add(event);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** No event will follow (the control connection closed): awaits give up at once instead of at their timeout. */
    void end(String because) {
        lock.lock();
        try {
            if (endedBecause == null) {
                endedBecause = because;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return events.size();
        } finally {
            lock.unlock();
        }
    }

    List<SoftphoneEvent> since(int index) {
        lock.lock();
        try {
            return List.copyOf(events.subList(Math.min(index, events.size()), events.size()));
        } finally {
            lock.unlock();
        }
    }

    /** Why no event will follow, or {@code null} while the channel is open. */
    String endedBecause() {
        lock.lock();
        try {
            return endedBecause;
        } finally {
            lock.unlock();
        }
    }

    /** The position of the first event from {@code index} on that matches, waiting up to {@code timeout} for it. */
    Optional<Integer> await(int index, Predicate<SoftphoneEvent> wanted, Duration timeout) {
        long left = timeout.toNanos();
        lock.lock();
        try {
            int next = index;
            while (true) {
                for (; next < events.size(); next++) {
                    if (wanted.test(events.get(next))) {
                        return Optional.of(next);
                    }
                }
                if (endedBecause != null || left <= 0) {
                    return Optional.empty();
                }
                left = changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a softphone event", e);
        } finally {
            lock.unlock();
        }
    }

    SoftphoneEvent get(int index) {
        lock.lock();
        try {
            return events.get(index);
        } finally {
            lock.unlock();
        }
    }
}
