package org.conference.testsupport.softphone;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Which tones a recording holds: the Goertzel power at one frequency over a time window, as the share of the window's
 * energy that lies at that frequency.
 *
 * <p>The window is cut into blocks of {@value #BLOCK_MILLIS} ms, each weighted with a Hann window (so a tone a few
 * Hz off the probe still counts, and one 100 Hz away does not: the resolution is 20 Hz at 8 kHz), and the blocks'
 * Goertzel powers are summed against their energy. Scaled so that a pure tone at the probe frequency gives 1.0, two
 * equally loud tones 0.5 each, white noise about 3 / (samples per block), i.e. under 0.01.
 *
 * <p>A tone is <em>heard</em> when it carries at least {@value #THRESHOLD} of the window's energy and is itself at
 * least {@value #MIN_LEVEL_DBFS} dBFS loud. The share admits up to six equally loud tones at once (a caller in a
 * meeting hears the sum of the others) while broadband sound (noise, speech) stays far below it; the level keeps a tone
 * that leaks faintly into otherwise digital silence from counting.
 */
public final class ToneAnalysis {

    /** The least share of the window's energy a tone must carry to be heard. */
    public static final double THRESHOLD = 0.15;
    /** The least level a heard tone has: its RMS relative to full scale (a full-scale sine is -3 dBFS). */
    public static final double MIN_LEVEL_DBFS = -50;
    static final int BLOCK_MILLIS = 50;

    private final double[] samples;
    private final float sampleRate;

    private ToneAnalysis(double[] samples, float sampleRate) {
        if (!(sampleRate > 0)) {
            throw new IllegalArgumentException("a positive sample rate, not " + sampleRate);
        }
        this.samples = samples;
        this.sampleRate = sampleRate;
    }

    /** Mono samples in [-1, 1] at {@code sampleRate} Hz. */
    public static ToneAnalysis ofSamples(double[] samples, float sampleRate) {
        return new ToneAnalysis(samples.clone(), sampleRate);
    }

    /** A WAV file (any PCM or G.711 the JDK reads; several channels are averaged). */
    public static ToneAnalysis of(Path wav) {
        try (InputStream in = Files.newInputStream(wav)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + wav, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(wav + ": " + e.getMessage(), e);
        }
    }

    /** A WAV file's content. */
    public static ToneAnalysis read(InputStream wav) throws IOException {
        try (AudioInputStream source = AudioSystem.getAudioInputStream(new BufferedInputStream(wav))) {
            AudioFormat from = source.getFormat();
            AudioFormat pcm = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, from.getSampleRate(), 16,
                    from.getChannels(), 2 * from.getChannels(), from.getSampleRate(), false);
            try (AudioInputStream decoded = from.matches(pcm) ? source : AudioSystem.getAudioInputStream(pcm, source)) {
                return new ToneAnalysis(mono(decoded.readAllBytes(), from.getChannels()), from.getSampleRate());
            }
        } catch (UnsupportedAudioFileException e) {
            throw new IllegalArgumentException("not a WAV the JDK can read: " + e.getMessage(), e);
        }
    }

    public Duration duration() {
        return Duration.ofNanos(Math.round(samples.length * 1e9 / sampleRate));
    }

    public float sampleRate() {
        return sampleRate;
    }

    /** The share of the window's energy at {@code hz}: 1.0 for a pure tone there, near 0 when it is absent. */
    public double power(double hz, Duration from, Duration to) {
        Window window = window(from, to);
        int block = Math.min(blockLength(), window.length());
        if (block < 2) {
            return 0;
        }
        double[] hann = hann(block);
        double sum = Arrays.stream(hann).sum();
        double sumOfSquares = Arrays.stream(hann).map(w -> w * w).sum();
        // A tone of amplitude A: Goertzel power (A * sum / 2)^2, windowed energy A^2 / 2 * sumOfSquares.
        double toFraction = 2 * sumOfSquares / (sum * sum);
        double tone = 0;
        double energy = 0;
        for (int start = window.start(); start + block <= window.end(); start += block) {
            tone += goertzel(start, hann, hz) * toFraction;
            energy += windowedEnergy(start, hann);
        }
        return energy == 0 ? 0 : Math.min(1, tone / energy);
    }

    /** The level of the tone at {@code hz} over the window, in dBFS (negative infinity in silence). */
    public double levelDbfs(double hz, Duration from, Duration to) {
        return 10 * Math.log10(power(hz, from, to) * meanSquare(window(from, to)));
    }

    /** Whether a tone at {@code hz} is heard over the window (see the class comment for the rule). */
    public boolean hears(double hz, Duration from, Duration to) {
        return power(hz, from, to) >= THRESHOLD && levelDbfs(hz, from, to) >= MIN_LEVEL_DBFS;
    }

    /**
     * For a failure message: the window, its total level and, per probe frequency, its share, level and verdict, e.g.
     * {@code 1.000-3.000 s of 5.120 s, total -9.1 dBFS: 500 Hz 0.002 (-36.2 dBFS) not heard, 1900 Hz 0.981 (-9.2 dBFS)
     * heard}.
     */
    public String explain(Duration from, Duration to, double... probeHz) {
        Window window = window(from, to);
        double total = 10 * Math.log10(meanSquare(window));
        String probes = Arrays.stream(probeHz)
                .mapToObj(hz -> String.format(Locale.ROOT, "%.0f Hz %.3f (%.1f dBFS) %s", hz, power(hz, from, to),
                        levelDbfs(hz, from, to), hears(hz, from, to) ? "heard" : "not heard"))
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "%.3f-%.3f s of %.3f s, total %.1f dBFS: %s", window.start() / sampleRate,
                window.end() / sampleRate, samples.length / sampleRate, total, probes);
    }

    private double meanSquare(Window window) {
        double sum = 0;
        for (int i = window.start(); i < window.end(); i++) {
            sum += samples[i] * samples[i];
        }
        return window.length() == 0 ? 0 : sum / window.length();
    }

    private double goertzel(int start, double[] hann, double hz) {
        double coefficient = 2 * Math.cos(2 * Math.PI * hz / sampleRate);
        double previous = 0;
        double beforePrevious = 0;
        for (int n = 0; n < hann.length; n++) {
            double current = samples[start + n] * hann[n] + coefficient * previous - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }
        return previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
    }

    private double windowedEnergy(int start, double[] hann) {
        double energy = 0;
        for (int n = 0; n < hann.length; n++) {
            double weighted = samples[start + n] * hann[n];
            energy += weighted * weighted;
        }
        return energy;
    }

    private int blockLength() {
        return Math.round(sampleRate * BLOCK_MILLIS / 1000f);
    }

    private static double[] hann(int length) {
        double[] weights = new double[length];
        for (int n = 0; n < length; n++) {
            weights[n] = 0.5 - 0.5 * Math.cos(2 * Math.PI * n / length);
        }
        return weights;
    }

    /** The samples from {@code from} to {@code to}, cut to what the recording holds. */
    private Window window(Duration from, Duration to) {
        if (from.isNegative() || to.compareTo(from) < 0) {
            throw new IllegalArgumentException("a window from 0 on that ends after it starts, not " + from + "-" + to);
        }
        int start = (int) Math.min(samples.length, Math.round(from.toNanos() * (double) sampleRate / 1e9));
        int end = (int) Math.min(samples.length, Math.round(to.toNanos() * (double) sampleRate / 1e9));
        return new Window(start, end);
    }

    private record Window(int start, int end) {
        int length() {
            return end - start;
        }
    }

    private static double[] mono(byte[] littleEndian16, int channels) {
        int frames = littleEndian16.length / (2 * channels);
        double[] mono = new double[frames];
        for (int frame = 0; frame < frames; frame++) {
            double sum = 0;
            for (int channel = 0; channel < channels; channel++) {
                int at = 2 * (frame * channels + channel);
                sum += (short) ((littleEndian16[at] & 0xff) | (littleEndian16[at + 1] << 8)) / 32768.0;
            }
            mono[frame] = sum / channels;
        }
        return mono;
    }
}
