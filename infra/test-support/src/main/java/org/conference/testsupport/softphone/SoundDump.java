package org.conference.testsupport.softphone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The WAVs baresip's {@code sndfile} module writes per call, {@code dump-<yyyy-MM-dd-HH-mm-ss>-dec.wav} (what the
 * phone heard) and {@code -enc.wav} (what it sent), 16-bit PCM at the codec's 8 kHz. libsndfile writes the header at
 * once but with placeholder sizes (RIFF 8, data 0) and fills them in only when the call ends and it closes the file;
 * the samples in between are already on disk.
 */
final class SoundDump {

    // RIFF, fmt and data headers of a PCM WAV as libsndfile writes it.
    private static final int WAV_HEADER = 44;

    enum Direction {
        HEARD("dec"),
        SENT("enc");

        private final String suffix;

        Direction(String suffix) {
            this.suffix = suffix;
        }
    }

    /** The newest dump of that direction in {@code dir}: the current or last call's (names carry the second). */
    static Optional<Path> newest(Path dir, Direction direction) {
        String suffix = "-" + direction.suffix + ".wav";
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().startsWith("dump-"))
                    .filter(file -> file.getFileName().toString().endsWith(suffix))
                    .max(Comparator.comparing((Path file) -> file.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** Whether libsndfile has closed the file: its RIFF size covers the whole file. */
    static boolean complete(Path wav) {
        try (SeekableByteChannel file = Files.newByteChannel(wav)) {
            ByteBuffer riff = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            // A regular file gives its first 8 bytes in one read when it has them.
            return file.read(riff) == 8 && file.size() > WAV_HEADER && riff.getInt(4) == file.size() - 8;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The file as a valid WAV of what it holds so far: the RIFF and data sizes set to the whole samples on disk, so
     * that a call's audio can be read before the call ends.
     */
    static byte[] soFar(Path wav) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(wav);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + wav, e);
        }
        ByteBuffer header = header(bytes);
        int frameSize = 1;
        for (int chunk = 12; chunk + 8 <= bytes.length; ) {
            String id = new String(bytes, chunk, 4, StandardCharsets.US_ASCII);
            int size = header.getInt(chunk + 4);
            if (id.equals("fmt ") && chunk + 22 <= bytes.length) {
                frameSize = Math.max(1, header.getShort(chunk + 20));
            } else if (id.equals("data")) {
                int data = (bytes.length - chunk - 8) / frameSize * frameSize;
                byte[] patched = Arrays.copyOf(bytes, chunk + 8 + data);
                ByteBuffer sizes = header(patched);
                sizes.putInt(4, patched.length - 8);
                sizes.putInt(chunk + 4, data);
                return patched;
            }
            chunk += 8 + size + (size & 1);
        }
        throw new IllegalStateException(wav + " has no data chunk yet");
    }

    private static ByteBuffer header(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    private SoundDump() {
    }
}
