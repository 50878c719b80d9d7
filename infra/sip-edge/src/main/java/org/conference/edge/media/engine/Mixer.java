package org.conference.edge.media.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.conference.edge.media.codec.Frames;
import org.conference.edge.media.recording.ActiveRecording;
import org.conference.edge.media.recording.Recordings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clock of every meeting's mix: one tick per 20 ms on one thread for the whole edge. A tick is O(calls): each
 * contributing call's frame is added into its meeting's total once, then each call gets the total less its own frame,
 * so a meeting of N costs 2N frame operations, not N². The encoded packets go to the {@link Sender}. Nothing is
 * allocated per tick (a recording's frame excepted, see {@link ActiveRecording#append}).
 */
final class Mixer implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(Mixer.class);
    private static final int[] SILENCE = new int[Frames.SAMPLES];
    private static final int TICKS_PER_SILENCE_CHECK = 1000 / Frames.MILLIS;

    private final Supplier<RtpCall[]> calls;
    private final Recordings recordings;
    private final Sender sender;
    private final MediaMetrics metrics;
    private final long rtpTimeoutNanos;
    private final ThreadMXBean cpuClock = ManagementFactory.getThreadMXBean();
    private final Map<Long, MeetingMix> byNumber = new HashMap<>();
    private final List<MeetingMix> mixes = new ArrayList<>();
    private volatile int meetingsMixing;
    private long ticks;

    Mixer(Supplier<RtpCall[]> calls, Recordings recordings, Sender sender, MediaMetrics metrics, long rtpTimeoutNanos) {
        this.calls = calls;
        this.sender = sender;
        this.recordings = recordings;
        this.metrics = metrics;
        this.rtpTimeoutNanos = rtpTimeoutNanos;
    }

    @Override
    public void run() {
        long start = System.nanoTime();
        long cpuStart = cpuClock.isCurrentThreadCpuTimeSupported() ? cpuClock.getCurrentThreadCpuTime() : -1;
        try {
            tick(calls.get());
        } catch (RuntimeException | Error e) {
            // a scheduled task that throws is never run again: one bad tick must not silence every call
            log.error("mixer tick failed", e);
        }
        metrics.frame.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        if (cpuStart >= 0) {
            metrics.frameCpu.record(cpuClock.getCurrentThreadCpuTime() - cpuStart, TimeUnit.NANOSECONDS);
        }
    }

    int meetingsMixing() {
        return meetingsMixing;
    }

    private void tick(RtpCall[] now) {
        for (MeetingMix mix : mixes) {
            mix.clear();
        }
        for (RtpCall call : now) {
            call.pull();
            MeetingMix mix = mixOf(call);
            if (mix != null) {
                mix.members++;
                if (call.contributing()) {
                    mix.add(call.heard);
                }
            }
        }
        for (ActiveRecording recording : recordings.running()) {
            MeetingMix mix = byNumber.get(recording.meetingNumber());
            recording.append(mix == null ? SILENCE : mix.total);
        }
        for (RtpCall call : now) {
            call.speak();
        }
        sender.wake();
        forgetEmptyMixes();
        if (++ticks % TICKS_PER_SILENCE_CHECK == 0) {
            checkSilence(now);
        }
    }

    /** The call's meeting's mix, followed when it joined, left or moved since the last tick. */
    private MeetingMix mixOf(RtpCall call) {
        long meetingNumber = call.meetingNumber();
        if (meetingNumber != call.mixMeeting) {
            call.mixMeeting = meetingNumber;
            call.mix = meetingNumber == RtpCall.NOT_JOINED ? null : byNumber.computeIfAbsent(meetingNumber, number -> {
                MeetingMix mix = new MeetingMix(number);
                mixes.add(mix);
                return mix;
            });
        }
        return call.mix;
    }

    private void forgetEmptyMixes() {
        for (Iterator<MeetingMix> it = mixes.iterator(); it.hasNext(); ) {
            MeetingMix mix = it.next();
            if (mix.members == 0) {
                it.remove();
                byNumber.remove(mix.meetingNumber);
            }
        }
        meetingsMixing = mixes.size();
    }

    private void checkSilence(RtpCall[] now) {
        long nowNanos = System.nanoTime();
        for (RtpCall call : now) {
            if (call.checkSilence(nowNanos, rtpTimeoutNanos)) {
                metrics.timedOut.increment();
            }
        }
    }
}
