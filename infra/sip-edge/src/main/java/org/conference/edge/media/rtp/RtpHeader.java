package org.conference.edge.media.rtp;

/**
 * One RTP header (RFC 3550 §5.1), read by {@link Rtp#parse} or written by {@link Rtp#write}. Mutable on purpose: the
 * receive loop parses every datagram into the same instance, so taking a packet allocates nothing.
 */
public final class RtpHeader {

    public static final int MAX_CSRC = 15;

    public boolean padding;
    public boolean marker;
    public int payloadType;
    /** 16 bits, unsigned. */
    public int sequence;
    /** 32 bits, unsigned. */
    public long timestamp;
    /** 32 bits, unsigned. */
    public long ssrc;
    public int csrcCount;
    public final long[] csrcs = new long[MAX_CSRC];
    /** The profile-defined 16 bits of a header extension, or -1 when the packet has none. */
    public int extensionProfile = -1;
    /** Length of the extension data in 32-bit words (the extension's own header excluded). */
    public int extensionWords;
    /** Where the payload starts in the datagram, and how many bytes it has (padding excluded). */
    public int payloadOffset;
    public int payloadLength;

    /** Back to a plain header: no CSRC, no extension, no padding, no marker. */
    public RtpHeader clear() {
        padding = false;
        marker = false;
        payloadType = 0;
        sequence = 0;
        timestamp = 0;
        ssrc = 0;
        csrcCount = 0;
        extensionProfile = -1;
        extensionWords = 0;
        payloadOffset = 0;
        payloadLength = 0;
        return this;
    }
}
