package org.conference.bench.edge;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.conference.edge.media.AudioOffer;
import org.conference.edge.media.Codec;
import org.conference.edge.media.codec.G711;

/**
 * N phones on loopback with two threads in all: one sender that, every 20 ms, sends each caller's G.711 frame of its
 * tone to the engine; one selector that receives what the engine sends every caller and counts sequence gaps.
 */
final class SyntheticCallers implements AutoCloseable {

    private static final int HEADER = 12;
    private static final int SAMPLES = 160;

    private final Caller[] callers;
    private final Selector selector;
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(
            runnable -> daemon(runnable, "bench-rtp-sender"));
    private final Thread receiver;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong sendFailures = new AtomicLong();
    private volatile boolean running = true;
    // receiver thread only, read after it paused (see snapshot)
    private long received;
    private long lost;

    SyntheticCallers(int count) throws IOException {
        selector = Selector.open();
        callers = new Caller[count];
        G711 law = G711.of(Codec.PCMU);
        for (int i = 0; i < count; i++) {
            callers[i] = new Caller(i, law);
            callers[i].channel.register(selector, SelectionKey.OP_READ, callers[i]);
        }
        receiver = daemon(this::receive, "bench-rtp-receiver");
        receiver.start();
        sender.scheduleAtFixedRate(this::sendAll, 20, 20, TimeUnit.MILLISECONDS);
    }

    int size() {
        return callers.length;
    }

    AudioOffer offer(int caller) {
        return new AudioOffer(callers[caller].address(), Codec.PCMU, 0, 101);
    }

    /** Where caller {@code i} sends from now on (the engine's port of its call); 0 stops it. */
    void target(int caller, int port) {
        callers[caller].target = port == 0 ? null : new InetSocketAddress("127.0.0.1", port);
    }

    /** Packets sent, received, lost (sequence gaps at the receivers), failed sends: since the start. */
    synchronized long[] totals() {
        return new long[] {sent.get(), received, lost, sendFailures.get()};
    }

    private void sendAll() {
        for (Caller caller : callers) {
            InetSocketAddress target = caller.target;
            if (target == null) {
                continue;
            }
            caller.next();
            try {
                if (caller.channel.send(caller.datagram.clear(), target) > 0) {
                    sent.incrementAndGet();
                } else {
                    sendFailures.incrementAndGet();
                }
            } catch (IOException e) {
                sendFailures.incrementAndGet();
            }
        }
    }

    private void receive() {
        ByteBuffer buffer = ByteBuffer.allocate(2048);
        while (running) {
            try {
                selector.select(200);
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    Caller caller = (Caller) key.attachment();
                    for (buffer.clear(); caller.channel.receive(buffer) != null; buffer.clear()) {
                        heard(caller, buffer);
                    }
                }
            } catch (IOException e) {
                if (running) {
                    throw new IllegalStateException("bench receiver", e);
                }
            }
        }
    }

    private synchronized void heard(Caller caller, ByteBuffer packet) {
        if (packet.position() < HEADER) {
            return;
        }
        int sequence = ((packet.get(2) & 0xFF) << 8) | (packet.get(3) & 0xFF);
        long ssrc = packet.getInt(8) & 0xFFFF_FFFFL;
        if (ssrc == caller.heardSsrc) {
            int gap = (sequence - caller.heardSequence - 1) & 0xFFFF;
            // a gap beyond a second's packets is a reordered old packet, not a loss
            lost += gap < 50 ? gap : 0;
        }
        caller.heardSsrc = ssrc;
        caller.heardSequence = sequence;
        received++;
    }

    @Override
    public void close() throws IOException {
        running = false;
        sender.shutdownNow();
        try {
            receiver.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Caller caller : callers) {
            caller.channel.close();
        }
        selector.close();
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /** One synthetic phone: its socket, its packet (a steady tone, so one payload serves every frame). */
    private static final class Caller {
        final DatagramChannel channel;
        final byte[] packet = new byte[HEADER + SAMPLES];
        final ByteBuffer datagram = ByteBuffer.wrap(packet);
        volatile InetSocketAddress target;
        int sequence;
        long timestamp;
        long heardSsrc = -1;
        int heardSequence;

        Caller(int index, G711 law) throws IOException {
            channel = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
            channel.configureBlocking(false);
            // 50 Hz steps divide 8 kHz into whole 160-sample periods, so the tone repeats frame after frame
            double hertz = 300 + 50 * (index % 60);
            for (int i = 0; i < SAMPLES; i++) {
                packet[HEADER + i] = law.encode((int) Math.round(3000 * Math.sin(2 * Math.PI * hertz * i / 8000)));
            }
            packet[0] = (byte) 0x80;
            long ssrc = 0x1000_0000L + index;
            packet[8] = (byte) (ssrc >>> 24);
            packet[9] = (byte) (ssrc >>> 16);
            packet[10] = (byte) (ssrc >>> 8);
            packet[11] = (byte) ssrc;
        }

        InetSocketAddress address() {
            try {
                return (InetSocketAddress) channel.getLocalAddress();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        void next() {
            packet[2] = (byte) (sequence >>> 8);
            packet[3] = (byte) sequence;
            packet[4] = (byte) (timestamp >>> 24);
            packet[5] = (byte) (timestamp >>> 16);
            packet[6] = (byte) (timestamp >>> 8);
            packet[7] = (byte) timestamp;
            sequence = (sequence + 1) & 0xFFFF;
            timestamp = (timestamp + SAMPLES) & 0xFFFF_FFFFL;
        }
    }
}
