package org.conference.edge.media.testing;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.conference.edge.media.AudioEvents;
import org.conference.edge.media.MediaProperties;
import org.conference.edge.media.engine.MediaEngine;

/** A real engine on loopback with a random port range, its meters, and the phones a test made; closes them all. */
public final class EngineFixture implements AutoCloseable {

    public final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    public final MediaEngine engine;
    public final int portMin;
    private final List<TestPhone> phones = new ArrayList<>();

    public EngineFixture(Path recordings) {
        this(recordings, 40, 1000, Duration.ofSeconds(30));
    }

    public EngineFixture(Path recordings, int ports, int maxCalls, Duration rtpTimeout) {
        portMin = 20_000 + 2 * ThreadLocalRandom.current().nextInt(15_000);
        engine = new MediaEngine(MediaProperties.loopback(portMin, portMin + 2 * (ports - 1), maxCalls, recordings)
                .withRtpTimeout(rtpTimeout), registry);
    }

    public TestPhone phone() {
        TestPhone phone = TestPhone.pcmu();
        phones.add(phone);
        return phone;
    }

    /** A counter's count, whether the engine counts it as a counter or as a function counter over an adder. */
    public double counter(String name, String... tags) {
        var counter = registry.find(name).tags(tags).counter();
        if (counter != null) {
            return counter.count();
        }
        var functionCounter = registry.find(name).tags(tags).functionCounter();
        return functionCounter == null ? 0 : functionCounter.count();
    }

    @Override
    public void close() {
        phones.forEach(TestPhone::close);
        engine.close();
    }

    /** Counts what a call reports. */
    public static final class Events implements AudioEvents {
        public final StringBuffer digits = new StringBuffer();
        public final AtomicInteger timeouts = new AtomicInteger();

        @Override
        public void dtmf(char digit) {
            digits.append(digit);
        }

        @Override
        public void rtpTimedOut() {
            timeouts.incrementAndGet();
        }
    }
}
