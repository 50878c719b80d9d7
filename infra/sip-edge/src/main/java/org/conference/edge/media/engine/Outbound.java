package org.conference.edge.media.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.ThreadLocalRandom;
import org.conference.edge.media.AudioOffer;
import org.conference.edge.media.codec.Frames;
import org.conference.edge.media.codec.G711;
import org.conference.edge.media.rtp.Rtp;
import org.conference.edge.media.rtp.RtpHeader;

/**
 * The stream one call sends its phone: its own random SSRC, sequence and timestamp origin (RFC 3550 §5.1), one packet
 * of 160 G.711 samples per tick, the marker bit on the first packet of a talk spurt.
 *
 * <p>Two threads share it through a small ring of ready packets: the mixer's clock {@link #prepare}s one per tick (no
 * system call, no allocation), the sender thread {@link #flush}es them. A send costs a few microseconds of kernel time,
 * more than mixing the frame; kept off the clock, a tick stays short and the sends run beside it on the other core. A
 * sender more than {@link #RING} − 2 packets (0.6 s) behind skips the oldest (counted as failed sends).
 */
final class Outbound {

    private static final int RING = 32;

    private final DatagramChannel channel;
    private final G711 codec;
    private final MediaMetrics metrics;
    private final RtpHeader header = new RtpHeader();
    private final byte[] packet = new byte[Rtp.FIXED_HEADER + Frames.SAMPLES];
    // direct buffers: a heap buffer would be copied into a pooled direct one on every send
    private final ByteBuffer[] ready = new ByteBuffer[RING];
    // the sender's own views of the same slots (own position and limit), made once so a send allocates nothing
    private final ByteBuffer[] sending = new ByteBuffer[RING];
    private volatile long prepared;
    private long flushed; // the sender thread's own
    private volatile boolean startSpurt = true;

    Outbound(DatagramChannel channel, AudioOffer offer, MediaMetrics metrics) {
        this.channel = channel;
        this.codec = G711.of(offer.codec());
        this.metrics = metrics;
        for (int i = 0; i < RING; i++) {
            ready[i] = ByteBuffer.allocateDirect(packet.length);
            sending[i] = ready[i].duplicate();
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        header.payloadType = offer.payloadType();
        header.ssrc = random.nextLong(1L << 32);
        header.sequence = random.nextInt(1 << 16);
        header.timestamp = random.nextLong(1L << 32);
    }

    /** Clock thread: encodes {@code frame} (clipped to 16 bits) as the next packet for the sender. */
    void prepare(int[] frame) {
        for (int i = 0; i < Frames.SAMPLES; i++) {
            packet[Rtp.FIXED_HEADER + i] = codec.encode(Frames.clip(frame[i]));
        }
        header.marker = startSpurt;
        startSpurt = false;
        Rtp.writeHeader(header, false, packet);
        header.sequence = (header.sequence + 1) & 0xFFFF;
        header.timestamp = (header.timestamp + Frames.SAMPLES) & 0xFFFF_FFFFL;
        long next = prepared;
        ByteBuffer slot = ready[(int) (next % RING)];
        slot.clear();
        slot.put(packet);
        prepared = next + 1; // publishes the slot's bytes to the sender
    }

    /** Sender thread: sends every packet prepared since the last flush to the phone. */
    void flush(InetSocketAddress phone) {
        long upTo = prepared;
        if (upTo - flushed > RING - 2) {
            metrics.sendFailed.increment(upTo - RING + 2 - flushed);
            flushed = upTo - RING + 2;
        }
        for (; flushed < upTo; flushed++) {
            ByteBuffer slot = sending[(int) (flushed % RING)].clear(); // every packet fills its slot exactly
            try {
                if (channel.send(slot, phone) > 0) {
                    metrics.sent.increment();
                } else {
                    metrics.sendFailed.increment();
                }
            } catch (IOException | RuntimeException e) {
                // an unreachable or unresolvable phone is the RTP timeout's business, not a reason to stop sending to
                // the others
                metrics.sendFailed.increment();
            }
        }
    }

    /** Nothing was sent for a while: the next packet starts a talk spurt. */
    void pause() {
        startSpurt = true;
    }
}
