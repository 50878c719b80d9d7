package org.conference.e2e;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/** WAV audio as a user's tools see it: the JDK's {@code javax.sound} writes and reads it. */
final class Wav {

    private static final float RATE = 8000f;

    private Wav() {
    }

    /** A 440 Hz tone of {@code millis}, 8 kHz 16-bit mono PCM. */
    static byte[] tone(int millis) {
        int frames = (int) (RATE * millis / 1000);
        ByteBuffer samples = ByteBuffer.allocate(frames * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int frame = 0; frame < frames; frame++) {
            samples.putShort((short) (8000 * Math.sin(2 * Math.PI * 440 * frame / RATE)));
        }
        AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
        try (AudioInputStream audio = new AudioInputStream(new ByteArrayInputStream(samples.array()), format, frames)) {
            ByteArrayOutputStream wav = new ByteArrayOutputStream();
            AudioSystem.write(audio, AudioFileFormat.Type.WAVE, wav);
            return wav.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How long the WAV in {@code bytes} plays, in milliseconds; fails when it is no readable WAV. */
    static long durationMillis(byte[] bytes) {
        try (AudioInputStream audio = AudioSystem.getAudioInputStream(new ByteArrayInputStream(bytes))) {
            AudioFileFormat file = AudioSystem.getAudioFileFormat(new ByteArrayInputStream(bytes));
            if (file.getType() != AudioFileFormat.Type.WAVE) {
                throw new AssertionError("not a WAV but " + file.getType());
            }
            return Math.round(audio.getFrameLength() * 1000.0 / audio.getFormat().getFrameRate());
        } catch (UnsupportedAudioFileException e) {
            throw new AssertionError("not audio the JDK can read", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
