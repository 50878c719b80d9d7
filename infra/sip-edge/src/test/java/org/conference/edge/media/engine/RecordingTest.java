package org.conference.edge.media.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.conference.edge.media.engine.MixingTest.nextSecond;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.conference.edge.media.CallAudio;
import org.conference.edge.media.MediaProperties;
import org.conference.edge.media.RecordedAudio;
import org.conference.edge.media.testing.EngineFixture;
import org.conference.edge.media.testing.EngineFixture.Events;
import org.conference.edge.media.testing.Goertzel;
import org.conference.edge.media.testing.TestPhone;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A meeting's recording: the mix of the callers who spoke, as long as it ran, kept for its retention. */
class RecordingTest {

    private static final long MEETING = 4711;

    @TempDir
    Path recordings;

    @Test
    void theRecordingHasEveryContributingCallersToneAndLastsAsLongAsItRan() throws Exception {
        try (EngineFixture fixture = new EngineFixture(recordings)) {
            TestPhone alice = fixture.phone();
            TestPhone bob = fixture.phone();
            TestPhone muted = fixture.phone();
            join(fixture, "alice", alice, 500);
            join(fixture, "bob", bob, 1900);
            join(fixture, "muted", muted, 2700).mute(true);
            nextSecond(alice);

            assertThat(fixture.engine.startRecording(MEETING, "take-1")).isTrue();
            assertThat(fixture.engine.startRecording(MEETING, "take-1")).as("running already").isFalse();
            long started = System.nanoTime();
            nextSecond(alice);
            nextSecond(alice);
            RecordedAudio recorded = fixture.engine.stopRecording("take-1").orElseThrow();
            long ranMillis = (System.nanoTime() - started) / 1_000_000;

            short[] samples = pcm(recorded.file());
            assertThat(recorded.name()).isEqualTo("take-1");
            assertThat(recorded.meetingNumber()).isEqualTo(MEETING);
            assertThat(recorded.sizeBytes()).isEqualTo(Files.size(recorded.file())).isEqualTo(44 + 2L * samples.length);
            assertThat(recorded.durationMillis()).isEqualTo(samples.length / 8);
            // the clock ticks at a fixed rate, so frames follow the wall clock; on a loaded machine the last ones may lag
            assertThat(recorded.durationMillis()).isBetween(ranMillis - 500, ranMillis + 100);
            assertThat(Goertzel.power(samples, 500)).isGreaterThan(1e6);
            assertThat(Goertzel.power(samples, 1900)).isGreaterThan(1e6);
            assertThat(Goertzel.power(samples, 2700)).as("a muted caller is not recorded")
                    .isLessThan(Goertzel.power(samples, 500) / 100);
            assertThat(fixture.engine.recording("take-1")).contains(recorded);
            assertThat(fixture.engine.stopRecording("take-1")).isEmpty();
        }
    }

    @Test
    void aMeetingWhoseCallersLeftRecordsSilenceUntilStopped() throws Exception {
        try (EngineFixture fixture = new EngineFixture(recordings)) {
            TestPhone alice = fixture.phone();
            CallAudio call = join(fixture, "alice", alice, 500);
            fixture.engine.startRecording(MEETING, "empty-room");
            nextSecond(alice);
            call.leave();
            nextSecond(alice);

            RecordedAudio recorded = fixture.engine.stopRecording("empty-room").orElseThrow();

            short[] samples = pcm(recorded.file());
            assertThat(recorded.durationMillis()).isGreaterThan(2000);
            int tail = samples.length - 4000;
            assertThat(java.util.Arrays.copyOfRange(samples, tail, samples.length)).containsOnly((short) 0);
        }
    }

    @Test
    void aNameThatIsNotASafeFileNameIsRefused() {
        try (EngineFixture fixture = new EngineFixture(recordings)) {
            for (String name : new String[] {"../escape", "a/b", ".hidden", "", "x".repeat(129), "a b"}) {
                assertThatThrownBy(() -> fixture.engine.startRecording(MEETING, name)).as(name)
                        .isInstanceOf(IllegalArgumentException.class);
                assertThat(fixture.engine.recording(name)).isEmpty();
            }
            assertThat(fixture.engine.recording("../../etc/passwd")).isEmpty();
            assertThat(fixture.engine.stopRecording("../escape")).isEmpty();
            assertThat(recordings.getParent().resolve("escape.wav")).doesNotExist();
        }
    }

    @Test
    void aFinishedRecordingIsForgottenAndDeletedAfterItsRetention() {
        MediaProperties settings = MediaProperties.loopback(30_000 + 2 * (int) (Math.random() * 10_000), 65_000, 10,
                recordings).withRecordingRetention(Duration.ofSeconds(1));
        MediaEngine engine = new MediaEngine(settings, new SimpleMeterRegistry());
        try {
            engine.startRecording(MEETING, "short-lived");
            RecordedAudio recorded = engine.stopRecording("short-lived").orElseThrow();
            assertThat(recorded.file()).exists();

            await().atMost(Duration.ofSeconds(20)).until(() -> engine.recording("short-lived").isEmpty());
            await().atMost(Duration.ofSeconds(20)).until(() -> !Files.exists(recorded.file()));
        } finally {
            engine.close();
        }
    }

    private static CallAudio join(EngineFixture fixture, String id, TestPhone phone, double hertz) {
        CallAudio call = fixture.engine.open(id, phone.offer(), new Events());
        phone.talkTo(call.localPort(), hertz, 8000);
        call.join(MEETING);
        return call;
    }

    /** The WAV as 8 kHz 16-bit mono samples, read by the JDK (which checks its header). */
    private static short[] pcm(Path wav) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(Files.readAllBytes(wav)))) {
            AudioFormat format = in.getFormat();
            assertThat(format.getSampleRate()).isEqualTo(8000f);
            assertThat(format.getSampleSizeInBits()).isEqualTo(16);
            assertThat(format.getChannels()).isEqualTo(1);
            assertThat(format.getEncoding()).isEqualTo(AudioFormat.Encoding.PCM_SIGNED);
            ByteBuffer bytes = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            assertThat(in.getFrameLength()).isEqualTo(bytes.capacity() / 2);
            short[] samples = new short[bytes.capacity() / 2];
            bytes.asShortBuffer().get(samples);
            return samples;
        }
    }
}
