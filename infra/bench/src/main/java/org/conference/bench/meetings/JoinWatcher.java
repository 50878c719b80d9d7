package org.conference.bench.meetings;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import org.conference.bench.meetings.PlatformHttp.Answer;

import tools.jackson.databind.JsonNode;

/**
 * Polls the gateway for every Call joined to the meeting ({@code state} 2) and notes, per caller, the first answer
 * that shows it. One poll at a time on a thread of its own, with a connection of its own, so the callers' requests
 * never delay it; a poll starts every {@code interval} (or as soon as the previous one ends, if it took longer).
 * A call is therefore seen at most one interval plus one poll's round trip after it became visible.
 */
final class JoinWatcher implements AutoCloseable {

    /** What the polling saw: the polls made, their round trips (ns, sorted), the failed ones. */
    record Polls(int count, long[] roundTrips, int failed, String lastFailure) {
    }

    private static final int PAGE = 1000;

    private final Endpoint gateway;
    private final long meetingNumber;
    private final Map<String, Caller> callersByNumber;
    private final Duration interval;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(work -> {
        Thread watcher = new Thread(work, "join-watcher");
        watcher.setDaemon(true);
        return watcher;
    });
    private final AtomicBoolean stopped = new AtomicBoolean();

    JoinWatcher(Endpoint gateway, long meetingNumber, Map<String, Caller> callersByNumber, Duration interval) {
        this.gateway = gateway;
        this.meetingNumber = meetingNumber;
        this.callersByNumber = callersByNumber;
        this.interval = interval;
    }

    /** Starts polling; completes when every caller was seen joined, at {@code deadline} (nanoTime), or on stop. */
    CompletableFuture<Polls> start(long deadline) {
        return CompletableFuture.supplyAsync(() -> poll(deadline), thread);
    }

    private Polls poll(long deadline) {
        long[] roundTrips = new long[1024];
        int count = 0;
        int failed = 0;
        String lastFailure = null;
        int seen = 0;
        while (seen < callersByNumber.size() && System.nanoTime() < deadline && !stopped.get()) {
            long started = System.nanoTime();
            String failure = pollOnce();
            long roundTrip = System.nanoTime() - started;
            if (count == roundTrips.length) {
                roundTrips = Arrays.copyOf(roundTrips, count * 2);
            }
            roundTrips[count++] = roundTrip;
            if (failure != null) {
                failed++;
                lastFailure = failure;
            }
            seen = (int) callersByNumber.values().stream().filter(Caller::seenJoined).count();
            LockSupport.parkNanos(started + interval.toNanos() - System.nanoTime());
        }
        long[] sorted = Arrays.copyOf(roundTrips, count);
        Arrays.sort(sorted);
        return new Polls(count, sorted, failed, lastFailure);
    }

    /** One poll, page by page if more than a page is joined; null, or what went wrong. */
    private String pollOnce() {
        String filter = PlatformHttp.encode("meetingNumber eq " + meetingNumber + " and state eq 2");
        long offset = 0;
        while (true) {
            Answer page = gateway.get("/calls?filter=" + filter + "&include_fields=caller,joined&limit=" + PAGE
                    + "&offset=" + offset).join();
            if (page.status() != 200 || page.body() == null) {
                return "GET /calls " + page.describe();
            }
            JsonNode calls = page.body().path("calls");
            for (JsonNode call : calls) {
                Caller caller = callersByNumber.get(call.path("caller").asString(""));
                if (caller != null) {
                    caller.seenJoined(page.receivedAt(), call.path("joined").asLong(0));
                }
            }
            offset += calls.size();
            if (calls.isEmpty() || offset >= page.body().path("total").asLong(0)) {
                return null;
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopped.set(true);
        thread.shutdown();
        thread.awaitTermination(30, TimeUnit.SECONDS);
    }
}
