package org.conference.bench.media;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A WAV file (8 kHz, 16-bit mono) of any size made on the fly inside a multipart/form-data body, so the driver never
 * holds the file it uploads: media-service accepts it as audio, and its duration is known.
 */
final class GeneratedWav {

    private static final int HEADER_BYTES = 44;
    private static final String BOUNDARY = "bench-media-boundary";

    private final long fileBytes;
    private final byte[] before;
    private final byte[] after;

    GeneratedWav(long fileBytes, String fileName) {
        this.fileBytes = fileBytes;
        this.before = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: audio/wav\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        this.after = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    String contentType() {
        return "multipart/form-data; boundary=" + BOUNDARY;
    }

    long bodyLength() {
        return before.length + fileBytes + after.length;
    }

    InputStream body() {
        InputStream file = new SequenceInputStream(new ByteArrayInputStream(header()), new Samples(fileBytes));
        return new SequenceInputStream(new SequenceInputStream(new ByteArrayInputStream(before), file),
                new ByteArrayInputStream(after));
    }

    private byte[] header() {
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) (fileBytes - 8))
                .put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(8000).putInt(16_000).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) (fileBytes - HEADER_BYTES));
        return header.array();
    }

    /** The samples after the header: a cheap pattern, filled a buffer at a time. */
    private static final class Samples extends InputStream {

        private final long end;
        private long position = HEADER_BYTES;

        Samples(long end) {
            this.end = end;
        }

        @Override
        public int read() {
            return position < end ? (int) (position++ * 31 & 0xFF) : -1;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            if (position >= end) {
                return -1;
            }
            int n = (int) Math.min(length, end - position);
            for (int i = 0; i < n; i++) {
                into[offset + i] = (byte) (position++ * 31);
            }
            return n;
        }
    }
}
