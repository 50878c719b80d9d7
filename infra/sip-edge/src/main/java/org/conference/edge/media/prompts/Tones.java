package org.conference.edge.media.prompts;

import org.conference.edge.media.codec.Frames;

/**
 * The sounds the edge makes itself. Every frequency keeps clear of the bands the end-to-end test's phones use for
 * their own tones (450-550, 1850-1950 and 2650-2750 Hz), so a test listening for a caller never hears the edge; pure
 * sines have no harmonics, and the notes fade in and out so their switching does not splatter into those bands.
 */
public final class Tones {

    static final double LEVEL = 0.35 * Short.MAX_VALUE;
    private static final int FADE_SAMPLES = 80;
    // C4 E4 G4 D5 G4 E4 over an octave-lower root: a gentle arpeggio with nothing between 450 and 550 Hz
    private static final double[] MELODY = {261.63, 329.63, 392.00, 587.33, 392.00, 329.63};
    private static final double[] BASS = {130.81, 130.81, 196.00, 196.00, 164.81, 164.81};
    private static final int NOTE_MILLIS = 400;

    private Tones() {
    }

    /** Rising two notes: a caller joined. */
    public static short[] entryTone() {
        return concat(tone(700, 150, LEVEL), tone(1000, 200, LEVEL));
    }

    /** Falling two notes: a caller left. */
    public static short[] exitTone() {
        return concat(tone(1000, 150, LEVEL), tone(700, 200, LEVEL));
    }

    /** What a prompt the edge does not know plays. */
    public static short[] beep() {
        return tone(1200, 250, LEVEL);
    }

    /** A loop of {@code MELODY.length} notes over a quieter bass, about 2.4 s; it loops without a click. */
    public static short[] musicOnHold() {
        int noteSamples = Frames.SAMPLE_RATE * NOTE_MILLIS / 1000;
        short[] loop = new short[noteSamples * MELODY.length];
        for (int note = 0; note < MELODY.length; note++) {
            for (int i = 0; i < noteSamples; i++) {
                double t = (double) i / Frames.SAMPLE_RATE;
                double value = 0.6 * Math.sin(2 * Math.PI * MELODY[note] * t) + 0.3 * Math.sin(2 * Math.PI * BASS[note] * t);
                loop[note * noteSamples + i] = (short) Math.round(LEVEL * 0.7 * value * envelope(i, noteSamples));
            }
        }
        return loop;
    }

    /** A sine of {@code hertz} for {@code millis} at {@code amplitude}, faded in and out over 10 ms. */
    public static short[] tone(double hertz, int millis, double amplitude) {
        int samples = Frames.SAMPLE_RATE * millis / 1000;
        short[] tone = new short[samples];
        for (int i = 0; i < samples; i++) {
            double value = Math.sin(2 * Math.PI * hertz * i / Frames.SAMPLE_RATE);
            tone[i] = (short) Math.round(amplitude * value * envelope(i, samples));
        }
        return tone;
    }

    static short[] silence(int millis) {
        return new short[Frames.SAMPLE_RATE * millis / 1000];
    }

    static short[] concat(short[]... parts) {
        int length = 0;
        for (short[] part : parts) {
            length += part.length;
        }
        short[] joined = new short[length];
        int at = 0;
        for (short[] part : parts) {
            System.arraycopy(part, 0, joined, at, part.length);
            at += part.length;
        }
        return joined;
    }

    /** A raised-cosine fade at both ends. */
    private static double envelope(int i, int length) {
        int edge = Math.min(FADE_SAMPLES, length / 2);
        if (i < edge) {
            return 0.5 - 0.5 * Math.cos(Math.PI * i / edge);
        }
        if (i >= length - edge) {
            return 0.5 - 0.5 * Math.cos(Math.PI * (length - 1 - i) / edge);
        }
        return 1;
    }
}
