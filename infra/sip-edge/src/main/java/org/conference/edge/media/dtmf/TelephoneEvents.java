package org.conference.edge.media.dtmf;

/**
 * RFC 4733 telephone-event payloads of one call's stream, turned into key presses. A press is one event: the phone
 * sends its packets with one RTP timestamp (the event's start) and the end bit on the last three, as a rule; the
 * press counts once, on the first packet with the end bit, and its retransmitted ends are recognised by that
 * timestamp. Not thread-safe: only the receive thread feeds it.
 */
public final class TelephoneEvents {

    /** A payload is at least event, E/R/volume and a 16-bit duration. */
    public static final int PAYLOAD_BYTES = 4;
    /** No key press completed by this packet. */
    public static final char NONE = 0;

    private static final String DIGITS = "0123456789*#";

    private long lastEndedTimestamp = -1;

    /**
     * Reads one telephone-event payload ({@link #PAYLOAD_BYTES} bytes at {@code offset}, checked by the caller).
     *
     * @return the digit the press ended with, or {@link #NONE}
     */
    public char onPacket(long rtpTimestamp, byte[] data, int offset) {
        int event = data[offset] & 0xFF;
        boolean end = (data[offset + 1] & 0x80) != 0;
        if (!end || rtpTimestamp == lastEndedTimestamp) {
            return NONE;
        }
        lastEndedTimestamp = rtpTimestamp;
        // events 12-16 (A-D, flash) are not keys of a phone's dial pad: the platform has no use for them
        return event < DIGITS.length() ? DIGITS.charAt(event) : NONE;
    }
}
