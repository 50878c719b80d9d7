package org.conference.edge.media.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.conference.edge.media.rtp.RtpDrop;
import org.conference.edge.media.rtp.RtpHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that receives every call's RTP: all the calls' non-blocking channels on one {@link Selector}. Channels
 * are registered and closed on this thread too (queued, then the selector is woken), so a port is handed back only
 * once its socket is really closed.
 */
final class Receiver implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Receiver.class);
    private static final int MAX_DATAGRAM = 2048;
    /** Datagrams taken from one socket per round, so one flooding phone cannot starve the others. */
    private static final int FAIR_SHARE = 32;

    private final Selector selector;
    private final MediaMetrics metrics;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);
    private final RtpHeader header = new RtpHeader();
    private final Thread thread;
    private volatile boolean running = true;

    Receiver(MediaMetrics metrics) {
        this.metrics = metrics;
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("no selector for RTP", e);
        }
        this.thread = new Thread(this::loop, "media-rtp-receiver");
        thread.setDaemon(true);
        thread.start();
    }

    void register(RtpCall call) {
        run(() -> {
            try {
                call.channel().register(selector, SelectionKey.OP_READ, call);
            } catch (ClosedChannelException e) {
                log.debug("call {} closed before its channel was registered", call.callId());
            }
        });
    }

    /** Closes the call's channel on the receive thread, then {@code released} (with the port free again). */
    void release(RtpCall call, Runnable released) {
        run(() -> {
            SelectionKey key = call.channel().keyFor(selector);
            if (key != null) {
                key.cancel();
            }
            try {
                call.channel().close();
                selector.selectNow(); // deregisters the cancelled key, which frees the socket's port
            } catch (IOException e) {
                log.debug("call {}: closing its RTP channel", call.callId(), e);
            }
            released.run();
        });
    }

    private void run(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    private void loop() {
        while (running) {
            try {
                // the consumer form: no selected-key set to clear, no iterator per wake-up
                selector.select(this::ready);
                runTasks();
            } catch (IOException | RuntimeException e) {
                // never out of the loop: every call's audio depends on it
                log.warn("RTP receive loop", e);
            }
        }
        runTasks();
    }

    private void ready(SelectionKey key) {
        if (key.isValid()) {
            drain((RtpCall) key.attachment());
        }
    }

    private void runTasks() {
        for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("RTP receive task failed", e);
            }
        }
    }

    private void drain(RtpCall call) {
        DatagramChannel channel = call.channel();
        for (int i = 0; i < FAIR_SHARE; i++) {
            buffer.clear();
            SocketAddress from;
            try {
                from = channel.receive(buffer);
            } catch (IOException e) {
                log.debug("call {}: receive", call.callId(), e);
                return;
            }
            if (from == null) {
                return;
            }
            try {
                call.inbound().receive(buffer.array(), buffer.position(), from, header);
            } catch (RuntimeException e) {
                metrics.dropped(RtpDrop.TRUNCATED);
                log.debug("call {}: a datagram could not be read", call.callId(), e);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (SelectionKey key : selector.keys()) {
            try {
                key.channel().close();
            } catch (IOException e) {
                log.debug("closing an RTP channel at shutdown", e);
            }
        }
        try {
            selector.close();
        } catch (IOException e) {
            log.debug("closing the RTP selector", e);
        }
    }
}
