package org.conference.media.support;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A WAV file of any size (8 kHz, 16-bit, mono) produced on the fly, never held in memory: a header, then samples of
 * a pattern that {@link #sampleAt} recomputes, so a test can check a download of it byte for byte.
 */
public final class GeneratedWav {

    public static final int HEADER_BYTES = 44;
    private static final int BYTES_PER_SECOND = 8000 * 2;

    private GeneratedWav() {
    }

    /** Milliseconds a file of {@code totalBytes} plays. */
    public static double millis(long totalBytes) {
        return (totalBytes - HEADER_BYTES) * 1000.0 / BYTES_PER_SECOND;
    }

    public static byte byteAt(long position, long totalBytes) {
        return position < HEADER_BYTES ? header(totalBytes)[(int) position] : sampleAt(position);
    }

    static byte sampleAt(long position) {
        return (byte) ((position * 31 + (position >> 9)) & 0xFF);
    }

    public static InputStream stream(long totalBytes) {
        return new SequenceInputStream(new java.io.ByteArrayInputStream(header(totalBytes)), new InputStream() {
            private long position = HEADER_BYTES;

            @Override
            public int read() {
                return position < totalBytes ? sampleAt(position++) & 0xFF : -1;
            }

            @Override
            public int read(byte[] into, int offset, int length) {
                if (position >= totalBytes) {
                    return -1;
                }
                int n = (int) Math.min(length, totalBytes - position);
                for (int i = 0; i < n; i++) {
                    into[offset + i] = sampleAt(position++);
                }
                return n;
            }
        });
    }

    static byte[] header(long totalBytes) {
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        long data = totalBytes - HEADER_BYTES;
        header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) (totalBytes - 8))
                .put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(8000).putInt(BYTES_PER_SECOND).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) data);
        return header.array();
    }

    /** A multipart/form-data body around the file, as parts before and after it. */
    public record Multipart(String boundary, byte[] before, byte[] after) {

        public static Multipart forFile(String fieldName, String fileName) {
            String boundary = "media-test-" + Long.toHexString(System.nanoTime());
            String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fieldName
                    + "\"; filename=\"" + fileName + "\"\r\nContent-Type: audio/wav\r\n\r\n";
            ByteArrayOutputStream tail = new ByteArrayOutputStream();
            tail.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            return new Multipart(boundary, head.getBytes(StandardCharsets.UTF_8), tail.toByteArray());
        }

        public long length(long fileBytes) {
            return before.length + fileBytes + after.length;
        }

        public InputStream body(InputStream file) {
            return new SequenceInputStream(new SequenceInputStream(new java.io.ByteArrayInputStream(before), file),
                    new java.io.ByteArrayInputStream(after));
        }
    }
}
