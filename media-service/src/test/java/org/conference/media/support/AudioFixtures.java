package org.conference.media.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** Audio made by the tests, of a length known exactly. */
public final class AudioFixtures {

    /** MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, mono, no CRC: each frame is 417 bytes and plays 1152 samples. */
    private static final byte[] MP3_FRAME_HEADER = {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, (byte) 0xC4};
    private static final int MP3_FRAME_BYTES = 144 * 128_000 / 44_100;

    /** A 16-bit mono tone of {@code millis} at {@code sampleRate}, as a WAV file or, with {@code type}, AIFF. */
    public static byte[] tone(long millis, int sampleRate, AudioFileFormat.Type type) {
        int frames = (int) (millis * sampleRate / 1000);
        byte[] pcm = new byte[frames * 2];
        for (int i = 0; i < frames; i++) {
            short sample = (short) (Math.sin(2 * Math.PI * 440 * i / sampleRate) * 8000);
            pcm[2 * i] = (byte) (sample >> 8);
            pcm[2 * i + 1] = (byte) sample;
        }
        AudioFormat format = new AudioFormat(sampleRate, 16, 1, true, true);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), format, frames)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            AudioSystem.write(in, type, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] wav(long millis) {
        return tone(millis, 8000, AudioFileFormat.Type.WAVE);
    }

    /**
     * A constant-bit-rate MP3 stream of {@code frames} silent frames (all-zero side information: every granule
     * decodes to silence), which plays {@code frames × 1152 / 44100} seconds.
     */
    public static byte[] mp3(int frames) {
        byte[] stream = new byte[frames * MP3_FRAME_BYTES];
        for (int frame = 0; frame < frames; frame++) {
            System.arraycopy(MP3_FRAME_HEADER, 0, stream, frame * MP3_FRAME_BYTES, MP3_FRAME_HEADER.length);
        }
        return stream;
    }

    public static double mp3Millis(int frames) {
        return frames * 1152 * 1000.0 / 44_100;
    }

    private AudioFixtures() {
    }
}
