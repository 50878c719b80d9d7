package org.conference.edge.media.engine;

import java.net.SocketAddress;
import org.conference.edge.media.AudioOffer;
import org.conference.edge.media.codec.Frames;
import org.conference.edge.media.codec.G711;
import org.conference.edge.media.dtmf.TelephoneEvents;
import org.conference.edge.media.jitter.JitterBuffer;
import org.conference.edge.media.rtp.Rtp;
import org.conference.edge.media.rtp.RtpDrop;
import org.conference.edge.media.rtp.RtpHeader;

/**
 * What one call's phone sends: parsed, checked, decoded into the jitter buffer, key presses picked out. The receive
 * thread calls {@link #receive}; the mixer's clock thread calls {@link #take}, the two meet in the jitter buffer's lock.
 *
 * <p>The source address is latched from the first good packet (anything may come first, the SDP address is often a
 * NAT's inside one); later packets from elsewhere are dropped until the phone moves ({@link #movedTo}).
 */
final class Inbound {

    private static final long STRAGGLER_NANOS = 500_000_000L;

    /** A digit ended; called on the receive thread. */
    interface KeyPresses {
        void pressed(char digit);
    }

    private final int payloadType;
    private final int telephoneEventPayloadType;
    private final G711 codec;
    private final JitterBuffer jitter;
    private final TelephoneEvents telephoneEvents = new TelephoneEvents();
    private final KeyPresses keys;
    private final MediaMetrics metrics;
    private final short[] decoded = new short[Frames.SAMPLES];
    // receive thread only
    private SocketAddress source;
    private SocketAddress movedFrom;
    private long ssrc = -1;
    private volatile SocketAddress movedTo;
    private volatile SocketAddress lastMovedTo;
    private volatile long movedAtNanos;
    private volatile long lastHeardNanos = System.nanoTime();

    Inbound(AudioOffer offer, int jitterDepth, KeyPresses keys, MediaMetrics metrics) {
        this.payloadType = offer.payloadType();
        this.telephoneEventPayloadType = offer.telephoneEventPayloadType();
        this.codec = G711.of(offer.codec());
        this.jitter = new JitterBuffer(jitterDepth);
        this.keys = keys;
        this.metrics = metrics;
    }

    /** One datagram from the phone's port; whatever is wrong with it is counted, never thrown. */
    void receive(byte[] data, int length, SocketAddress from, RtpHeader header) {
        RtpDrop drop = accept(data, length, from, header);
        if (drop != null) {
            metrics.dropped(drop);
        }
    }

    private RtpDrop accept(byte[] data, int length, SocketAddress from, RtpHeader header) {
        RtpDrop malformed = Rtp.parse(data, length, header);
        if (malformed != null) {
            return malformed;
        }
        SocketAddress moved = movedTo;
        if (moved != null) {
            movedTo = null;
            movedFrom = source;
            source = null;
        }
        if (source == null) {
            // just after a move a straggler from the old address must not take the latch from the new one; later the
            // old address is taken after all (a phone behind a NAT keeps its public address whatever its SDP says)
            if (movedFrom != null && movedFrom.equals(from) && !from.equals(lastMovedTo)
                    && System.nanoTime() - movedAtNanos < STRAGGLER_NANOS) {
                return RtpDrop.SOURCE;
            }
            source = from;
        } else if (!source.equals(from)) {
            return RtpDrop.SOURCE;
        }
        if (header.payloadType == telephoneEventPayloadType) {
            if (header.payloadLength < TelephoneEvents.PAYLOAD_BYTES) {
                return RtpDrop.TRUNCATED;
            }
            heard();
            char digit = telephoneEvents.onPacket(header.timestamp, data, header.payloadOffset);
            if (digit != TelephoneEvents.NONE) {
                keys.pressed(digit);
            }
            return null;
        }
        if (header.payloadType != payloadType) {
            return RtpDrop.PAYLOAD_TYPE;
        }
        if (header.payloadLength != Frames.SAMPLES) {
            return RtpDrop.FRAME_SIZE;
        }
        heard();
        codec.decode(data, header.payloadOffset, Frames.SAMPLES, decoded);
        JitterBuffer.Offer offered;
        synchronized (jitter) {
            if (header.ssrc != ssrc) {
                // a new stream (the phone restarted it): its numbering has nothing to do with the old one's
                ssrc = header.ssrc;
                jitter.reset();
            }
            offered = jitter.offer(header.sequence, decoded);
        }
        if (offered == JitterBuffer.Offer.LATE) {
            metrics.late.increment();
        } else if (offered == JitterBuffer.Offer.DUPLICATE) {
            metrics.duplicate.increment();
        } else if (offered == JitterBuffer.Offer.RESTARTED) {
            metrics.restarted.increment();
        }
        return null;
    }

    private void heard() {
        lastHeardNanos = System.nanoTime();
        metrics.received.increment();
    }

    /** This tick's frame from the phone into {@code frame}; true when it is the phone's audio, not silence. */
    boolean take(short[] frame) {
        JitterBuffer.Take taken;
        synchronized (jitter) {
            taken = jitter.take(frame);
        }
        if (taken == JitterBuffer.Take.CONCEALED) {
            metrics.concealed.increment();
        }
        return taken == JitterBuffer.Take.AUDIO;
    }

    /**
     * The phone moved to {@code phone} (a re-INVITE): latch onto the next good packet's source, unless, for half a
     * second, it still comes from the old one (and the new address is not the old one).
     */
    void movedTo(SocketAddress phone) {
        lastMovedTo = phone;
        movedAtNanos = System.nanoTime();
        movedTo = phone;
    }

    long lastHeardNanos() {
        return lastHeardNanos;
    }

    /** Restarts the silence clock (the phone resumed after holding the call itself). */
    void heardNow() {
        lastHeardNanos = System.nanoTime();
    }
}
