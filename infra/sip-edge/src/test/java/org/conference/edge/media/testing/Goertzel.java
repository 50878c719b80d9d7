package org.conference.edge.media.testing;

/** The power of one frequency in a stretch of 8 kHz samples (a single-bin DFT), normalised per sample. */
public final class Goertzel {

    private Goertzel() {
    }

    public static double power(short[] samples, int from, int to, double hertz) {
        double coefficient = 2 * Math.cos(2 * Math.PI * hertz / 8000);
        double previous = 0;
        double beforePrevious = 0;
        for (int i = from; i < to; i++) {
            double current = samples[i] + coefficient * previous - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }
        double power = previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
        int n = to - from;
        return power / ((double) n * n);
    }

    public static double power(short[] samples, double hertz) {
        return power(samples, 0, samples.length, hertz);
    }
}
