package org.conference.edge.media.engine;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that sends every call's RTP: woken by the mixer after each tick, it sends the packets the tick
 * prepared. If it falls behind (a stalled core), it sends what is still in each call's ring on the next wake-up.
 */
final class Sender implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Sender.class);
    private static final long IDLE_WAKE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Supplier<RtpCall[]> calls;
    private final MediaMetrics metrics;
    private final Thread thread;
    private volatile boolean running = true;

    Sender(Supplier<RtpCall[]> calls, MediaMetrics metrics) {
        this.calls = calls;
        this.metrics = metrics;
        this.thread = new Thread(this::loop, "media-rtp-sender");
        thread.setDaemon(true);
        thread.start();
    }

    /** A tick's packets are ready. */
    void wake() {
        LockSupport.unpark(thread);
    }

    private void loop() {
        while (running) {
            LockSupport.parkNanos(this, IDLE_WAKE_NANOS);
            long start = System.nanoTime();
            try {
                for (RtpCall call : calls.get()) {
                    call.flush();
                }
            } catch (RuntimeException e) {
                log.error("RTP send round failed", e);
            }
            metrics.sendRound.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
