package org.conference.edge.media.rtp;

/** RFC 3550 framing: reads and writes the fixed header, the CSRC list, a header extension and padding. */
public final class Rtp {

    public static final int VERSION = 2;
    public static final int FIXED_HEADER = 12;

    private Rtp() {
    }

    /**
     * Reads a datagram's header into {@code into}; the payload is {@code data[into.payloadOffset ..
     * +into.payloadLength)}.
     *
     * @return null when it is well-formed RTP, otherwise why it is not
     */
    public static RtpDrop parse(byte[] data, int length, RtpHeader into) {
        if (length < FIXED_HEADER) {
            return length > 0 && (data[0] & 0xC0) >>> 6 != VERSION ? RtpDrop.VERSION : RtpDrop.TRUNCATED;
        }
        int first = data[0] & 0xFF;
        if (first >>> 6 != VERSION) {
            return RtpDrop.VERSION;
        }
        into.padding = (first & 0x20) != 0;
        boolean extension = (first & 0x10) != 0;
        into.csrcCount = first & 0x0F;
        into.marker = (data[1] & 0x80) != 0;
        into.payloadType = data[1] & 0x7F;
        into.sequence = ((data[2] & 0xFF) << 8) | (data[3] & 0xFF);
        into.timestamp = readUnsigned32(data, 4);
        into.ssrc = readUnsigned32(data, 8);
        int offset = FIXED_HEADER + 4 * into.csrcCount;
        if (offset > length) {
            return RtpDrop.TRUNCATED;
        }
        for (int i = 0; i < into.csrcCount; i++) {
            into.csrcs[i] = readUnsigned32(data, FIXED_HEADER + 4 * i);
        }
        into.extensionProfile = -1;
        into.extensionWords = 0;
        if (extension) {
            if (offset + 4 > length) {
                return RtpDrop.TRUNCATED;
            }
            into.extensionProfile = ((data[offset] & 0xFF) << 8) | (data[offset + 1] & 0xFF);
            into.extensionWords = ((data[offset + 2] & 0xFF) << 8) | (data[offset + 3] & 0xFF);
            offset += 4 + 4 * into.extensionWords;
            if (offset > length) {
                return RtpDrop.TRUNCATED;
            }
        }
        int end = length;
        if (into.padding) {
            int padding = data[length - 1] & 0xFF;
            if (padding == 0 || offset + padding > length) {
                return RtpDrop.TRUNCATED;
            }
            end -= padding;
        }
        into.payloadOffset = offset;
        into.payloadLength = end - offset;
        return null;
    }

    /**
     * Writes {@code header} (with its CSRCs, an extension of {@code extensionWords} zero words when it has one, and
     * {@code padding} bytes when positive) around {@code payload[0..payloadLength)} into {@code out}.
     *
     * @return the datagram's length
     */
    public static int write(RtpHeader header, byte[] payload, int payloadLength, int padding, byte[] out) {
        int offset = writeHeader(header, padding > 0, out);
        System.arraycopy(payload, 0, out, offset, payloadLength);
        int end = offset + payloadLength;
        if (padding > 0) {
            for (int i = 0; i < padding - 1; i++) {
                out[end++] = 0;
            }
            out[end++] = (byte) padding;
        }
        return end;
    }

    /**
     * Writes the header only; the payload goes at the returned offset. The send path uses this with a plain header (no
     * CSRC, no extension), so its payload always starts at {@link #FIXED_HEADER}.
     */
    public static int writeHeader(RtpHeader header, boolean padding, byte[] out) {
        boolean extension = header.extensionProfile >= 0;
        out[0] = (byte) ((VERSION << 6) | (padding ? 0x20 : 0) | (extension ? 0x10 : 0) | header.csrcCount);
        out[1] = (byte) ((header.marker ? 0x80 : 0) | (header.payloadType & 0x7F));
        out[2] = (byte) (header.sequence >>> 8);
        out[3] = (byte) header.sequence;
        writeUnsigned32(out, 4, header.timestamp);
        writeUnsigned32(out, 8, header.ssrc);
        int offset = FIXED_HEADER;
        for (int i = 0; i < header.csrcCount; i++, offset += 4) {
            writeUnsigned32(out, offset, header.csrcs[i]);
        }
        if (extension) {
            out[offset] = (byte) (header.extensionProfile >>> 8);
            out[offset + 1] = (byte) header.extensionProfile;
            out[offset + 2] = (byte) (header.extensionWords >>> 8);
            out[offset + 3] = (byte) header.extensionWords;
            offset += 4;
            for (int i = 0; i < 4 * header.extensionWords; i++) {
                out[offset++] = 0;
            }
        }
        return offset;
    }

    private static long readUnsigned32(byte[] data, int at) {
        return ((long) (data[at] & 0xFF) << 24) | ((data[at + 1] & 0xFF) << 16) | ((data[at + 2] & 0xFF) << 8)
                | (data[at + 3] & 0xFF);
    }

    private static void writeUnsigned32(byte[] out, int at, long value) {
        out[at] = (byte) (value >>> 24);
        out[at + 1] = (byte) (value >>> 16);
        out[at + 2] = (byte) (value >>> 8);
        out[at + 3] = (byte) value;
    }
}
