package org.conference.testsupport.softphone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.function.IntToDoubleFunction;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToneAnalysisTest {

    private static final float RATE = 8000;
    private static final int SECONDS = 2;
    private static final Duration START = Duration.ZERO;
    private static final Duration END = Duration.ofSeconds(SECONDS);
    private static final double[] PROBES = {500, 1900, 2700};

    @Test
    void aToneIsFoundAtItsFrequencyAndNowhereElse() {
        ToneAnalysis tone = analysis(n -> 0.5 * sine(1900, n));

        assertThat(tone.power(1900, START, END)).isCloseTo(1.0, within(0.05));
        assertThat(tone.hears(1900, START, END)).isTrue();
        assertThat(tone.hears(500, START, END)).isFalse();
        assertThat(tone.hears(2700, START, END)).isFalse();
        assertThat(tone.power(500, START, END)).isLessThan(0.01);
    }

    @Test
    void aToneAFewHertzOffTheProbeStillCountsOneAHundredHertzAwayDoesNot() {
        ToneAnalysis slightlyOff = analysis(n -> 0.5 * sine(1905, n));

        assertThat(slightlyOff.hears(1900, START, END)).isTrue();
        assertThat(slightlyOff.hears(1800, START, END)).isFalse();
        assertThat(slightlyOff.hears(2000, START, END)).isFalse();
    }

    @Test
    void twoTonesMixedAreBothFoundEachWithHalfTheEnergy() {
        ToneAnalysis mix = analysis(n -> 0.3 * sine(500, n) + 0.3 * sine(1900, n));

        assertThat(mix.power(500, START, END)).isCloseTo(0.5, within(0.05));
        assertThat(mix.power(1900, START, END)).isCloseTo(0.5, within(0.05));
        assertThat(mix.hears(500, START, END)).isTrue();
        assertThat(mix.hears(1900, START, END)).isTrue();
        assertThat(mix.hears(2700, START, END)).isFalse();
    }

    @Test
    void whiteNoiseTriggersNoProbe() {
        Random random = new Random(15);
        ToneAnalysis noise = analysis(n -> 0.3 * random.nextGaussian());

        for (double hz : PROBES) {
            assertThat(noise.power(hz, START, END)).as("%s", noise.explain(START, END, PROBES)).isLessThan(0.03);
            assertThat(noise.hears(hz, START, END)).isFalse();
        }
    }

    @Test
    void speechLikeSoundTriggersNoProbe() {
        // Voiced syllables four times a second: a harmonic series whose pitch glides between 100 and 220 Hz (as
        // intonation does), under low-passed noise, with a syllabic envelope.
        Random random = new Random(4733);
        double[] phase = new double[1];
        double[] lowPassed = new double[1];
        ToneAnalysis speech = analysis(n -> {
            double t = n / RATE;
            double pitch = 160 + 60 * Math.sin(2 * Math.PI * 0.7 * t);
            phase[0] += 2 * Math.PI * pitch / RATE;
            double voiced = 0;
            for (int harmonic = 1; harmonic <= 15; harmonic++) {
                voiced += Math.sin(harmonic * phase[0]) / harmonic;
            }
            lowPassed[0] = 0.9 * lowPassed[0] + 0.1 * random.nextGaussian();
            double envelope = 0.5 + 0.5 * Math.sin(2 * Math.PI * 4 * t);
            return envelope * (0.1 * voiced + 0.5 * lowPassed[0]);
        });

        for (double hz : PROBES) {
            assertThat(speech.hears(hz, START, END)).as("%s", speech.explain(START, END, PROBES)).isFalse();
        }
    }

    @Test
    void aSweepPassingEveryProbeTriggersNone() {
        double[] phase = new double[1];
        ToneAnalysis sweep = analysis(n -> {
            double hz = 300 + 2700.0 * n / (RATE * SECONDS);
            phase[0] += 2 * Math.PI * hz / RATE;
            return 0.5 * Math.sin(phase[0]);
        });

        for (double hz : PROBES) {
            assertThat(sweep.hears(hz, START, END)).as("%s", sweep.explain(START, END, PROBES)).isFalse();
        }
    }

    @Test
    void silenceAndAFaintLeakIntoSilenceAreNotHeard() {
        ToneAnalysis silence = analysis(n -> 0);
        ToneAnalysis leak = analysis(n -> 0.001 * sine(500, n));

        assertThat(silence.power(500, START, END)).isZero();
        assertThat(silence.hears(500, START, END)).isFalse();
        assertThat(leak.power(500, START, END)).as("all of the little energy there is").isGreaterThan(0.9);
        assertThat(leak.levelDbfs(500, START, END)).isLessThan(ToneAnalysis.MIN_LEVEL_DBFS);
        assertThat(leak.hears(500, START, END)).isFalse();
    }

    @Test
    void theWindowDecidesWhichPartIsAnalysed() {
        ToneAnalysis secondHalf = analysis(n -> n < RATE ? 0.5 * sine(2700, n) : 0.5 * sine(500, n));
        Duration half = Duration.ofSeconds(1);

        assertThat(secondHalf.hears(2700, START, half)).isTrue();
        assertThat(secondHalf.hears(500, START, half)).isFalse();
        assertThat(secondHalf.hears(500, half, END)).isTrue();
        assertThat(secondHalf.hears(2700, half, END)).isFalse();
        assertThat(secondHalf.hears(500, half, Duration.ofSeconds(60))).as("a window past the end is cut").isTrue();
    }

    @Test
    void explainGivesEachProbesShareLevelAndVerdict() {
        ToneAnalysis tone = analysis(n -> 0.5 * sine(1900, n));

        assertThat(tone.explain(START, END, 500, 1900))
                .startsWith("0.000-2.000 s of 2.000 s, total -9.0 dBFS: ")
                .contains("500 Hz 0.00")
                .contains("not heard")
                .containsPattern("1900 Hz (0\\.9\\d\\d|1\\.000) \\(-9\\.\\d dBFS\\) heard");
    }

    @Test
    void aStereoWavIsReadAndItsChannelsAveraged(@TempDir Path dir) throws IOException {
        Path wav = dir.resolve("stereo.wav");
        writeWav(wav, 2, n -> 0.5 * sine(500, n / 2));

        ToneAnalysis read = ToneAnalysis.of(wav);

        assertThat(read.sampleRate()).isEqualTo(RATE);
        assertThat(read.duration()).isEqualTo(END);
        assertThat(read.hears(500, START, END)).isTrue();
        assertThat(read.hears(1900, START, END)).isFalse();
    }

    @Test
    void aDumpStillBeingWrittenIsReadUpToItsLastWholeSample(@TempDir Path dir) throws IOException {
        Path wav = dir.resolve("dump-2026-12-02-07-30-13-dec.wav");
        writeWav(wav, 1, n -> 0.5 * sine(1900, n));
        // As libsndfile leaves the header until it closes the file: placeholder sizes, and half a sample at the end.
        byte[] unfinished = Files.readAllBytes(wav);
        ByteBuffer header = ByteBuffer.wrap(unfinished).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(4, 8);
        header.putInt(40, 0);
        Files.write(wav, java.util.Arrays.copyOf(unfinished, unfinished.length - 1));

        assertThat(SoundDump.complete(wav)).isFalse();
        ToneAnalysis soFar = ToneAnalysis.read(new ByteArrayInputStream(SoundDump.soFar(wav)));

        assertThat(soFar.duration()).isEqualTo(END.minusNanos(125_000));
        assertThat(soFar.hears(1900, START, soFar.duration())).isTrue();
    }

    @Test
    void aClosedDumpIsComplete(@TempDir Path dir) throws IOException {
        Path wav = dir.resolve("dump-2026-12-02-07-30-13-dec.wav");
        writeWav(wav, 1, n -> 0.5 * sine(1900, n));

        assertThat(SoundDump.complete(wav)).isTrue();
    }

    private static double sine(double hz, int n) {
        return Math.sin(2 * Math.PI * hz * n / RATE);
    }

    private static ToneAnalysis analysis(IntToDoubleFunction signal) {
        double[] samples = new double[(int) RATE * SECONDS];
        for (int n = 0; n < samples.length; n++) {
            samples[n] = Math.max(-1, Math.min(1, signal.applyAsDouble(n)));
        }
        return ToneAnalysis.ofSamples(samples, RATE);
    }

    /** A 16-bit PCM WAV of {@link #SECONDS} s; {@code signal} gives the interleaved samples. */
    private static void writeWav(Path wav, int channels, IntToDoubleFunction signal) throws IOException {
        int samples = (int) RATE * SECONDS * channels;
        ByteBuffer pcm = ByteBuffer.allocate(2 * samples).order(ByteOrder.LITTLE_ENDIAN);
        for (int n = 0; n < samples; n++) {
            pcm.putShort((short) Math.round(signal.applyAsDouble(n) * 32767));
        }
        AudioFormat format = new AudioFormat(RATE, 16, channels, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm.array()), format,
                samples / channels)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, wav.toFile());
        }
    }
}
