package org.conference.edge.media.recording;

import java.io.IOException;
import static java.nio.charset.StandardCharsets.US_ASCII;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.conference.edge.media.codec.Frames;

/**
 * A streamed 8 kHz 16-bit mono PCM WAV: the header goes first with sizes of zero, the samples are appended as they
 * come, and {@link #finish} patches the two sizes, so a recording of any length never sits in memory.
 */
final class WavFile implements AutoCloseable {

    static final int HEADER_BYTES = 44;
    private static final int BYTES_PER_SAMPLE = 2;

    private final FileChannel channel;
    private long dataBytes;

    WavFile(Path file) throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        ByteBuffer header = header(0);
        while (header.hasRemaining()) {
            channel.write(header); // a relative write: the samples follow at the channel's position
        }
    }

    /** Appends one frame of samples (little-endian, as WAV has them). */
    void append(ByteBuffer samples) throws IOException {
        dataBytes += samples.remaining();
        while (samples.hasRemaining()) {
            channel.write(samples);
        }
    }

    long samples() {
        return dataBytes / BYTES_PER_SAMPLE;
    }

    /** Patches the header's sizes and closes the file; returns its size in bytes. */
    long finish() throws IOException {
        ByteBuffer header = header(dataBytes);
        for (long position = 0; header.hasRemaining(); ) {
            position += channel.write(header, position);
        }
        channel.force(false);
        channel.close();
        return HEADER_BYTES + dataBytes;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private static ByteBuffer header(long dataBytes) {
        int rate = Frames.SAMPLE_RATE;
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(US_ASCII)).putInt((int) (36 + dataBytes))
                .put("WAVE".getBytes(US_ASCII))
                .put("fmt ".getBytes(US_ASCII)).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * BYTES_PER_SAMPLE)
                .putShort((short) BYTES_PER_SAMPLE).putShort((short) 16)
                .put("data".getBytes(US_ASCII)).putInt((int) dataBytes);
        return header.flip();
    }
}
