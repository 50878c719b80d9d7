package org.conference.edge.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.conference.edge.media.testing.EngineFixture;
import org.conference.edge.media.testing.TestPhone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class MediaConfigurationTest {

    @TempDir
    Path recordings;

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(MediaConfiguration.class)
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

    @Test
    void theSettingsHaveTheDocumentedDefaults() {
        context.run(started -> {
            MediaProperties settings = started.getBean(MediaProperties.class);
            assertThat(settings.rtpHost()).isEqualTo("0.0.0.0");
            assertThat(settings.advertisedHost()).isEqualTo("0.0.0.0");
            assertThat(settings.rtpPortMin()).isEqualTo(40000);
            assertThat(settings.rtpPortMax()).isEqualTo(41998);
            assertThat(settings.maxCalls()).isEqualTo(1000);
            assertThat(settings.rtpTimeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(settings.jitterDepth()).isEqualTo(3);
            assertThat(settings.recordingsDirectory())
                    .isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "conference-edge-recordings"));
            assertThat(settings.recordingRetention()).isEqualTo(Duration.ofMinutes(30));
            assertThat(started).hasSingleBean(Media.class);
        });
    }

    @Test
    void theEngineIsTheOneMediaBeanAndClosesWithTheContext() {
        int portMin = 20_000 + 2 * (int) (Math.random() * 15_000);
        AtomicReference<CallAudio> opened = new AtomicReference<>();
        // Other test classes' cached application contexts run engines of their own in this JVM: count against them.
        long before = mediaThreadsAlive();
        try (TestPhone phone = TestPhone.pcmu()) {
            context.withPropertyValues("conference.edge.media.rtp-host=127.0.0.1",
                    "conference.edge.media.rtp-port-min=" + portMin, "conference.edge.media.rtp-port-max=" + (portMin + 20),
                    "conference.edge.media.max-calls=3", "conference.edge.media.recordings-directory=" + recordings)
                    .run(started -> {
                        Media media = started.getBean(Media.class);
                        opened.set(media.open("call", phone.offer(), new EngineFixture.Events()));
                        assertThat(opened.get().localPort()).isBetween(portMin, portMin + 20);
                        assertThat(media.openCalls()).isEqualTo(1);
                        assertThat(mediaThreadsAlive()).isGreaterThan(before);
                    });
        }
        // a pool's worker may take a moment to die after its executor has terminated
        await("no media thread outlives the context").atMost(Duration.ofSeconds(10))
                .until(() -> mediaThreadsAlive() <= before);
        try (java.net.DatagramSocket rebound = new java.net.DatagramSocket(opened.get().localPort(),
                java.net.InetAddress.getLoopbackAddress())) {
            assertThat(rebound.getLocalPort()).as("the call's port was closed").isEqualTo(opened.get().localPort());
        } catch (java.net.SocketException e) {
            throw new AssertionError("the call's RTP port is still bound after the context closed", e);
        }
    }

    private static long mediaThreadsAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && (thread.getName().equals("media-mixer")
                        || thread.getName().startsWith("media-rtp-") || thread.getName().equals("media-recorder"))).count();
    }
}
