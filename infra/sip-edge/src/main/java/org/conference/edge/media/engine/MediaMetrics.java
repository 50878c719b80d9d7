package org.conference.edge.media.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.conference.edge.media.rtp.RtpDrop;

/** The audio engine's meters, created once so the media threads only increment. */
final class MediaMetrics {

    final Timer frame;
    final Timer frameCpu;
    // per packet or per tick and call: adders, read when scraped, instead of a meter update on the hot path
    final LongAdder received = new LongAdder();
    final LongAdder sent = new LongAdder();
    final LongAdder concealed = new LongAdder();
    final Timer sendRound;
    final Counter sendFailed;
    final Counter late;
    final Counter duplicate;
    final Counter restarted;
    final Counter timedOut;
    final Counter shed;
    private final Map<RtpDrop, Counter> dropped = new EnumMap<>(RtpDrop.class);

    MediaMetrics(MeterRegistry registry, Supplier<Number> openCalls, Supplier<Number> meetingsMixing) {
        frame = Timer.builder("conference.edge.mix.frame")
                .description("time the mixer's clock takes for one 20 ms frame of every call: mix, encode, send")
                .publishPercentileHistogram()
                .register(registry);
        frameCpu = Timer.builder("conference.edge.mix.frame.cpu")
                .description("CPU time of the mixer's thread for one frame: the frame time without waiting for a core")
                .publishPercentileHistogram()
                .register(registry);
        sendRound = Timer.builder("conference.edge.rtp.send.round")
                .description("time the sender thread takes to send one tick's packets to every phone")
                .publishPercentileHistogram()
                .register(registry);
        FunctionCounter.builder("conference.edge.rtp.received", received, LongAdder::sum)
                .description("RTP packets taken from phones").register(registry);
        FunctionCounter.builder("conference.edge.rtp.sent", sent, LongAdder::sum)
                .description("RTP packets sent to phones").register(registry);
        sendFailed = Counter.builder("conference.edge.rtp.send.failed")
                .description("RTP packets to phones the socket refused or had no room for").register(registry);
        for (RtpDrop reason : RtpDrop.values()) {
            dropped.put(reason, Counter.builder("conference.edge.rtp.dropped").tag("reason", reason.tag())
                    .description("datagrams from phones dropped without being played").register(registry));
        }
        late = Counter.builder("conference.edge.jitter.late").description("frames that came after their turn")
                .register(registry);
        duplicate = Counter.builder("conference.edge.jitter.duplicate").description("frames that came twice")
                .register(registry);
        FunctionCounter.builder("conference.edge.jitter.concealed", concealed, LongAdder::sum)
                .description("frames missing at their turn, played as silence").register(registry);
        restarted = Counter.builder("conference.edge.jitter.restarts")
                .description("jitter buffers started over: a sequence jump beyond their window").register(registry);
        timedOut = Counter.builder("conference.edge.rtp.timeouts").description("calls whose phone stopped sending RTP")
                .register(registry);
        shed = Counter.builder("conference.edge.media.shed")
                .description("calls refused: at capacity or out of RTP ports").register(registry);
        Gauge.builder("conference.edge.calls.open", openCalls).description("calls with their audio open")
                .strongReference(true).register(registry);
        Gauge.builder("conference.edge.meetings.mixing", meetingsMixing).description("meetings the mixer mixes")
                .strongReference(true).register(registry);
    }

    void dropped(RtpDrop reason) {
        dropped.get(reason).increment();
    }
}
