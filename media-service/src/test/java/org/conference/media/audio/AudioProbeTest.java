package org.conference.media.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;

import javax.sound.sampled.AudioFileFormat;

import org.conference.media.support.AudioFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import reactor.core.publisher.Flux;

/** Durations come from the audio itself, within 1 % of the truth; what is not audio is refused. */
class AudioProbeTest {

    private final AudioProbe probe = new AudioProbe();

    @Test
    void measuresAGeneratedWav() {
        AudioInfo info = probe.probe(chunked(AudioFixtures.wav(3_250))).block();
        assertThat(info.contentType()).isEqualTo("audio/wav");
        assertThat((double) info.durationMillis()).isCloseTo(3_250, within(32.5));
    }

    @Test
    void measuresAGeneratedAiff() {
        AudioInfo info = probe.probe(chunked(AudioFixtures.tone(1_500, 16_000, AudioFileFormat.Type.AIFF))).block();
        assertThat(info.contentType()).isEqualTo("audio/aiff");
        assertThat((double) info.durationMillis()).isCloseTo(1_500, within(15.0));
    }

    @Test
    void measuresAGeneratedMp3() {
        AudioInfo info = probe.probe(chunked(AudioFixtures.mp3(400))).block();
        double truth = AudioFixtures.mp3Millis(400);
        assertThat(info.contentType()).isEqualTo("audio/mpeg");
        assertThat((double) info.durationMillis()).isCloseTo(truth, within(truth / 100));
    }

    @Test
    void refusesTextAndATruncatedWav() {
        assertThatThrownBy(() -> probe.probe(chunked("just some text, not audio".getBytes(StandardCharsets.UTF_8)))
                .block()).isInstanceOf(NotAudioException.class).hasMessageContaining("not audio");
        byte[] headerOnly = java.util.Arrays.copyOf(AudioFixtures.wav(1_000), 6);
        assertThatThrownBy(() -> probe.probe(chunked(headerOnly)).block()).isInstanceOf(NotAudioException.class);
    }

    private static Flux<DataBuffer> chunked(byte[] bytes) {
        int chunk = 4096;
        return Flux.range(0, (bytes.length + chunk - 1) / chunk).map(i -> DefaultDataBufferFactory.sharedInstance
                .wrap(java.util.Arrays.copyOfRange(bytes, i * chunk, Math.min(bytes.length, (i + 1) * chunk))));
    }
}
