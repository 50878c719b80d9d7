package org.conference.simulator.recordings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * What the simulator "records": a steady 400 Hz tone (the dial-tone pitch), as telephone audio is stored — PCM,
 * 8 kHz, mono, 16-bit. The samples are generated while the file is written, so a long recording costs no memory.
 */
final class ToneWav {

    static final AudioFormat FORMAT = new AudioFormat(8000f, 16, 1, true, false);
    static final int FRAMES_PER_SECOND = 8000;

    /** 8000 / 400: one period of the tone is exactly 20 samples, so a table of them repeats without drift. */
    private static final int SAMPLES_PER_PERIOD = 20;
    private static final double AMPLITUDE = 0.3 * Short.MAX_VALUE;

    static long framesFor(long millis) {
        return millis * FRAMES_PER_SECOND / 1000;
    }

    static void write(Path target, long frames) throws IOException {
        try (AudioInputStream audio = new AudioInputStream(new ToneSamples(frames), FORMAT, frames)) {
            AudioSystem.write(audio, AudioFileFormat.Type.WAVE, target.toFile());
        }
    }

    /** Little-endian signed 16-bit samples of the tone, {@code frames} of them. */
    private static final class ToneSamples extends InputStream {

        private final byte[] period = new byte[SAMPLES_PER_PERIOD * 2];
        private final long length;
        private long position;

        ToneSamples(long frames) {
            this.length = frames * 2;
            for (int i = 0; i < SAMPLES_PER_PERIOD; i++) {
                short sample = (short) Math.round(AMPLITUDE * Math.sin(2 * Math.PI * i / SAMPLES_PER_PERIOD));
                period[2 * i] = (byte) sample;
                period[2 * i + 1] = (byte) (sample >> 8);
            }
        }

        @Override
        public int read() {
            if (position >= length) {
                return -1;
            }
            return period[(int) (position++ % period.length)] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) {
            if (position >= length) {
                return -1;
            }
            int n = (int) Math.min(count, length - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = period[(int) ((position + i) % period.length)];
            }
            position += n;
            return n;
        }

        @Override
        public int available() {
            return (int) Math.min(Integer.MAX_VALUE, length - position);
        }
    }
}
