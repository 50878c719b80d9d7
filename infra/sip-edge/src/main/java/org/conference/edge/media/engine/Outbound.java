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
 * of 160 G.711 samples per tick, the marker bit on the first packet of a talk spurt. The mixer's clock thread only;
 * the packet buffer is reused, so a tick allocates nothing.
 */
final class Outbound {

    private final DatagramChannel channel;
    private final G711 codec;
    private final MediaMetrics metrics;
    private final RtpHeader header = new RtpHeader();
    private final byte[] packet = new byte[Rtp.FIXED_HEADER + Frames.SAMPLES];
    private final ByteBuffer datagram = ByteBuffer.wrap(packet);
    private volatile boolean startSpurt = true;

    Outbound(DatagramChannel channel, AudioOffer offer, MediaMetrics metrics) {
        this.channel = channel;
        this.codec = G711.of(offer.codec());
        this.metrics = metrics;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        header.payloadType = offer.payloadType();
        header.ssrc = random.nextLong(1L << 32);
        header.sequence = random.nextInt(1 << 16);
        header.timestamp = random.nextLong(1L << 32);
    }

    /** Encodes {@code frame} (clipped to 16 bits) and sends it to the phone. */
    void send(int[] frame, InetSocketAddress phone) {
        for (int i = 0; i < Frames.SAMPLES; i++) {
            packet[Rtp.FIXED_HEADER + i] = codec.encode(Frames.clip(frame[i]));
        }
        header.marker = startSpurt;
        startSpurt = false;
        Rtp.writeHeader(header, false, packet);
        header.sequence = (header.sequence + 1) & 0xFFFF;
        header.timestamp = (header.timestamp + Frames.SAMPLES) & 0xFFFF_FFFFL;
        datagram.clear();
        try {
            if (channel.send(datagram, phone) > 0) {
                metrics.sent.increment();
            } else {
                metrics.sendFailed.increment();
            }
        } catch (IOException e) {
            // an unreachable phone is the RTP timeout's business, not a reason to stop the clock
            metrics.sendFailed.increment();
        }
    }

    /** Nothing was sent for a while: the next packet starts a talk spurt. */
    void pause() {
        startSpurt = true;
    }
}
