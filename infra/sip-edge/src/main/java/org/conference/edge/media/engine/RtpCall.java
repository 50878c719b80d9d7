package org.conference.edge.media.engine;

import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.conference.edge.media.AudioEvents;
import org.conference.edge.media.AudioOffer;
import org.conference.edge.media.CallAudio;
import org.conference.edge.media.codec.Frames;
import org.conference.edge.media.prompts.MusicOnHold;
import org.conference.edge.media.prompts.PromptLibrary;
import org.conference.edge.media.prompts.PromptQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call's audio. The signalling side sets its state from any thread (volatile flags); the mixer's clock thread reads
 * them once per tick and does the work: {@link #pull} the phone's frame, then, after the meeting's total is known,
 * {@link #speak} what the call hears.
 */
final class RtpCall implements CallAudio {

    static final long NOT_JOINED = Long.MIN_VALUE;
    private static final Logger log = LoggerFactory.getLogger(RtpCall.class);

    private final String callId;
    private final int localPort;
    private final DatagramChannel channel;
    private final AudioEvents events;
    private final PromptLibrary prompts;
    private final Consumer<RtpCall> onClose;
    private final Inbound inbound;
    private final Outbound outbound;
    private final PromptQueue queued = new PromptQueue();
    private final MusicOnHold musicOnHold;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile InetSocketAddress phone;
    private volatile long meetingNumber = NOT_JOINED;
    private volatile boolean muted;
    private volatile boolean held;
    private volatile boolean heldByPhone;

    // the clock thread's own
    final short[] heard = new short[Frames.SAMPLES];
    private final int[] hears = new int[Frames.SAMPLES];
    private boolean contributing;
    private boolean timedOut;
    MeetingMix mix;
    long mixMeeting = NOT_JOINED;

    RtpCall(String callId, DatagramChannel channel, int localPort, AudioOffer offer, AudioEvents events,
            Shared engine, Consumer<RtpCall> onClose) {
        this.callId = callId;
        this.channel = channel;
        this.localPort = localPort;
        this.phone = offer.phone();
        this.events = events;
        this.prompts = engine.prompts();
        this.musicOnHold = new MusicOnHold(engine.musicOnHold());
        this.onClose = onClose;
        this.inbound = new Inbound(offer, engine.jitterDepth(), this::pressed, engine.metrics());
        this.outbound = new Outbound(channel, offer, engine.metrics());
    }

    /** What the engine gives each call: shared, read-only. */
    record Shared(PromptLibrary prompts, short[] musicOnHold, int jitterDepth, MediaMetrics metrics) {
    }

    @Override
    public int localPort() {
        return localPort;
    }

    @Override
    public void phoneAt(InetSocketAddress phone) {
        this.phone = phone;
        inbound.movedTo(phone);
    }

    @Override
    public void heldByPhone(boolean held) {
        if (heldByPhone && !held) {
            inbound.heardNow();
            outbound.pause();
        }
        heldByPhone = held;
    }

    @Override
    public void join(long meetingNumber) {
        this.meetingNumber = meetingNumber;
    }

    @Override
    public void leave() {
        meetingNumber = NOT_JOINED;
    }

    @Override
    public void mute(boolean muted) {
        this.muted = muted;
    }

    @Override
    public void hold(boolean held) {
        this.held = held;
    }

    @Override
    public void play(String prompt) {
        if (!closed.get()) {
            queued.add(prompts.audio(prompt));
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            queued.clear();
            onClose.accept(this);
        }
    }

    String callId() {
        return callId;
    }

    DatagramChannel channel() {
        return channel;
    }

    Inbound inbound() {
        return inbound;
    }

    long meetingNumber() {
        return meetingNumber;
    }

    /** Clock thread: this tick's frame from the phone, and whether it goes into the meeting's sum. */
    void pull() {
        boolean audio = inbound.take(heard);
        contributing = audio && !muted && !held && !heldByPhone && meetingNumber != NOT_JOINED;
    }

    /** Whether {@link #heard} is in the meeting's total this tick (decided by {@link #pull}). */
    boolean contributing() {
        return contributing;
    }

    /**
     * Clock thread: prepares this tick's frame for the sender. Joined: the meeting's total less the call's own part (N−1); held by the
     * platform: music on hold; not joined: silence, still sent so the phone's jitter buffer stays fed and its NAT
     * binding open. Prompts go over any of these. Held by the phone: nothing at all.
     */
    void speak() {
        if (heldByPhone || closed.get()) {
            return;
        }
        MeetingMix meeting = mix;
        if (held) {
            musicOnHold.fill(hears);
        } else if (meeting != null) {
            int[] total = meeting.total;
            if (contributing) {
                for (int i = 0; i < Frames.SAMPLES; i++) {
                    hears[i] = total[i] - heard[i];
                }
            } else {
                System.arraycopy(total, 0, hears, 0, Frames.SAMPLES);
            }
        } else {
            Arrays.fill(hears, 0);
        }
        queued.mixInto(hears);
        outbound.prepare(hears);
    }

    /** Sender thread: sends what {@link #speak} prepared. */
    void flush() {
        if (!closed.get()) {
            outbound.flush(phone);
        }
    }

    /** Clock thread, about once a second: reports a phone silent for {@code timeoutNanos}, once per call. */
    boolean checkSilence(long nowNanos, long timeoutNanos) {
        if (timedOut || heldByPhone || closed.get() || nowNanos - inbound.lastHeardNanos() < timeoutNanos) {
            return false;
        }
        timedOut = true;
        report("rtpTimedOut", events::rtpTimedOut);
        return true;
    }

    private void pressed(char digit) {
        report("dtmf", () -> events.dtmf(digit));
    }

    private void report(String what, Runnable event) {
        try {
            event.run();
        } catch (RuntimeException e) {
            // the signalling side's failure must not stop the media threads
            log.warn("call {}: AudioEvents.{} failed", callId, what, e);
        }
    }
}
