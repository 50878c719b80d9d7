package org.conference.edge.media.codec;

/** The edge's one audio format: 8 kHz, 16-bit signed mono, 20 ms frames. */
public final class Frames {

    public static final int SAMPLE_RATE = 8000;
    public static final int SAMPLES = 160;
    public static final int MILLIS = 20;

    private Frames() {
    }

    public static void silence(short[] frame) {
        java.util.Arrays.fill(frame, (short) 0);
    }

    /** Saturates a sum to 16 bits: a hard clip, so a loud mix flattens instead of wrapping round to the other sign. */
    public static short clip(int sample) {
        return (short) (sample > Short.MAX_VALUE ? Short.MAX_VALUE : Math.max(sample, Short.MIN_VALUE));
    }
}
