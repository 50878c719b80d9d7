package org.conference.testsupport.softphone;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** D. J. Bernstein's netstrings ({@code <length>:<bytes>,}), the framing of baresip's {@code ctrl_tcp} messages. */
final class Netstring {

    // baresip's messages are a few hundred bytes; a length beyond this means the stream is not netstrings.
    private static final int MAX_LENGTH = 1 << 20;

    static byte[] encode(byte[] payload) {
        byte[] length = (payload.length + ":").getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream framed = new ByteArrayOutputStream(length.length + payload.length + 1);
        framed.writeBytes(length);
        framed.writeBytes(payload);
        framed.write(',');
        return framed.toByteArray();
    }

    /** The next message's payload, or {@code null} when the stream ended cleanly between two messages. */
    static byte[] read(InputStream in) throws IOException {
        int first = in.read();
        if (first < 0) {
            return null;
        }
        int length = 0;
        int digits = 0;
        for (int c = first; c != ':'; c = in.read()) {
            if (c < '0' || c > '9' || ++digits > 7) {
                throw new IOException("not a netstring: length byte " + c);
            }
            length = length * 10 + (c - '0');
        }
        if (digits == 0 || length > MAX_LENGTH) {
            throw new IOException("not a netstring: length " + (digits == 0 ? "missing" : length));
        }
        byte[] payload = in.readNBytes(length);
        if (payload.length < length) {
            throw new EOFException("netstring cut short after " + payload.length + " of " + length + " bytes");
        }
        int terminator = in.read();
        if (terminator != ',') {
            throw new IOException("not a netstring: " + terminator + " instead of ','");
        }
        return payload;
    }

    private Netstring() {
    }
}
