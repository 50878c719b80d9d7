package org.conference.bench.edge;

import com.sun.management.OperatingSystemMXBean;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.conference.edge.media.AudioEvents;
import org.conference.edge.media.CallAudio;
import org.conference.edge.media.MediaProperties;
import org.conference.edge.media.engine.MediaEngine;

/**
 * The SIP edge's mixer under load: N synthetic RTP callers on loopback (G.711, 20 ms, a tone each) drive the real
 * {@link MediaEngine} in this JVM, first all in one meeting, then in meetings of four. Per run: the mixer's time per
 * 20 ms frame (its {@code conference.edge.mix.frame} timer, which covers pulling, mixing, encoding and sending every
 * call's frame), packet loss both ways, and CPU per caller.
 *
 * <p>Arguments: {@code [callers=500] [seconds per run=30] [warm-up seconds=20]}.
 */
public final class MixerBench {

    private static final AudioEvents IGNORED = new AudioEvents() {
        @Override
        public void dtmf(char digit) {
        }

        @Override
        public void rtpTimedOut() {
        }
    };
    private static final Duration SETTLE = Duration.ofSeconds(3);

    private MixerBench() {
    }

    public static void main(String[] args) throws Exception {
        int callers = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Path recordings = Files.createTempDirectory("mixer-bench");
        System.out.printf(Locale.ROOT, "MixerBench: %d callers, %d s per run after %d s warm-up; load average %.2f, %d cores%n",
                callers, seconds, warmUp, load(), Runtime.getRuntime().availableProcessors());
        try (SyntheticCallers phones = new SyntheticCallers(callers)) {
            run(phones, callers, warmUp, recordings, false);
            System.out.println("| meetings | callers | frame p50 (ms) | p99 (ms) | p99.9 (ms) | max (ms) | "
                    + "mixer CPU per frame p50 / p99 / max (ms) | to edge: sent / "
                    + "lost / concealed | to callers: expected / received / lost | CPU per caller (µs/s, process) | "
                    + "(engine threads) | load avg |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
            run(phones, callers, seconds, recordings, true);
            run(phones, 4, seconds, recordings, true);
        }
    }

    /** One run: a fresh engine, every caller opened and joined to meetings of {@code meetingSize}. */
    private static void run(SyntheticCallers phones, int meetingSize, int seconds, Path recordings, boolean report)
            throws InterruptedException {
        int callers = phones.size();
        SimpleMeterRegistry counters = new SimpleMeterRegistry();
        CompositeMeterRegistry registry = new CompositeMeterRegistry();
        registry.add(counters);
        int portMin = 20_000 + 2 * ThreadLocalRandom.current().nextInt(5_000);
        MediaEngine engine = new MediaEngine(MediaProperties.loopback(portMin, portMin + 4 * callers + 200, callers,
                recordings), registry);
        try {
            CallAudio[] calls = new CallAudio[callers];
            for (int i = 0; i < callers; i++) {
                calls[i] = engine.open("bench-" + i, phones.offer(i), IGNORED);
                phones.target(i, calls[i].localPort());
                calls[i].join(1_000_000 + i / meetingSize);
            }
            Thread.sleep(SETTLE.toMillis()); // jitter buffers fill, the first packets' marker and gaps pass
            MeterRegistry window = measuredFromNow(registry);
            double[] engineBefore = engineCounts(counters);
            long[] before = phones.totals();
            long cpuBefore = processCpuNanos();
            long threadsBefore = engineThreadsCpuNanos();
            long start = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            long elapsed = System.nanoTime() - start;
            long[] after = phones.totals();
            double[] engineAfter = engineCounts(counters);
            long cpu = processCpuNanos() - cpuBefore;
            long threads = engineThreadsCpuNanos() - threadsBefore;
            if (report) {
                double[] counted = new double[engineAfter.length];
                for (int i = 0; i < counted.length; i++) {
                    counted[i] = engineAfter[i] - engineBefore[i];
                }
                print(meetingSize, callers, window, counted, before, after, elapsed, cpu, threads);
            }
            for (int i = 0; i < callers; i++) {
                phones.target(i, 0);
                calls[i].close();
            }
        } finally {
            engine.close();
        }
    }

    /** A registry that sees only what is recorded from now on, with exact percentiles and a max over the whole run. */
    private static MeterRegistry measuredFromNow(CompositeMeterRegistry registry) {
        SimpleMeterRegistry window = new SimpleMeterRegistry();
        window.config().meterFilter(new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(io.micrometer.core.instrument.Meter.Id id,
                    DistributionStatisticConfig config) {
                return DistributionStatisticConfig.builder().percentiles(0.5, 0.99, 0.999)
                        .expiry(Duration.ofDays(1)).bufferLength(1).build().merge(config);
            }
        });
        registry.add(window);
        return window;
    }

    private static final String[] ENGINE_COUNTS = {"conference.edge.rtp.received", "conference.edge.jitter.concealed",
        "conference.edge.rtp.sent", "conference.edge.rtp.send.failed", "conference.edge.jitter.late",
        "conference.edge.jitter.duplicate", "conference.edge.jitter.restarts", "conference.edge.rtp.dropped"};

    /** The engine's counters now (cumulative; a run's are the difference), in the order of ENGINE_COUNTS. */
    private static double[] engineCounts(MeterRegistry registry) {
        double[] counts = new double[ENGINE_COUNTS.length];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = registry.find(ENGINE_COUNTS[i]).counters().stream().mapToDouble(Counter::count).sum()
                    + registry.find(ENGINE_COUNTS[i]).functionCounters().stream()
                            .mapToDouble(io.micrometer.core.instrument.FunctionCounter::count).sum();
        }
        return counts;
    }

    private static void print(int meetingSize, int callers, MeterRegistry window, double[] engine, long[] before,
            long[] after,
            long elapsedNanos, long cpuNanos, long engineThreadNanos) {
        Timer frame = window.find("conference.edge.mix.frame").timer();
        double[] wall = percentiles(frame);
        double[] cpuTime = percentiles(window.find("conference.edge.mix.frame.cpu").timer());
        double seconds = elapsedNanos / 1e9;
        long sentToEdge = after[0] - before[0];
        long receivedByEdge = (long) engine[0];
        long concealed = (long) engine[1];
        long expectedFromEdge = Math.round(frame.count() * (double) callers);
        long received = after[1] - before[1];
        long lost = after[2] - before[2];
        String meetings = meetingSize >= callers ? "1" : callers / meetingSize + " of " + meetingSize;
        System.out.printf(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f / %.3f / %.3f | %d / %d / %d "
                        + "| %d / %d / %d | %.1f | %.1f | %.2f |%n",
                meetings, callers, wall[0], wall[1], wall[2], frame.max(TimeUnit.MILLISECONDS), cpuTime[0], cpuTime[1],
                cpuTime[3], sentToEdge,
                Math.max(0, sentToEdge - receivedByEdge), concealed, expectedFromEdge, received, lost,
                cpuNanos / 1e3 / callers / seconds, engineThreadNanos / 1e3 / callers / seconds, load());
        System.out.printf(Locale.ROOT, "    frames %d, engine sent %d, send failures %d (engine) %d (callers), late %d, "
                        + "duplicate %d, jitter restarts %d, dropped %d%n", frame.count(), (long) engine[2],
                (long) engine[3], after[3] - before[3], (long) engine[4], (long) engine[5], (long) engine[6],
                (long) engine[7]);
    }

    /** p50, p99, p99.9 and max of a timer, in milliseconds. */
    private static double[] percentiles(Timer timer) {
        double[] values = new double[4];
        for (ValueAtPercentile value : timer.takeSnapshot().percentileValues()) {
            double millis = value.value(TimeUnit.MILLISECONDS);
            values[value.percentile() == 0.5 ? 0 : value.percentile() == 0.99 ? 1 : 2] = millis;
        }
        values[3] = timer.max(TimeUnit.MILLISECONDS);
        return values;
    }

    private static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU of the engine's own threads: the mixer's clock, the RTP receiver and sender. */
    private static long engineThreadsCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("media-mixer") || thread.getName().startsWith("media-rtp-"))
                .mapToLong(thread -> Math.max(0, threads.getThreadCpuTime(thread.getId()))).sum();
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
