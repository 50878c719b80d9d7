package org.conference.edge.media.engine;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.conference.edge.media.AudioEvents;
import org.conference.edge.media.AudioOffer;
import org.conference.edge.media.CallAudio;
import org.conference.edge.media.Media;
import org.conference.edge.media.MediaCapacityException;
import org.conference.edge.media.MediaProperties;
import org.conference.edge.media.RecordedAudio;
import org.conference.edge.media.codec.Frames;
import org.conference.edge.media.prompts.PromptLibrary;
import org.conference.edge.media.prompts.Tones;
import org.conference.edge.media.recording.Recordings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The edge's audio: RTP sockets from a port range, one receive thread over all of them, one clock thread mixing every
 * meeting, one thread sending what it mixed, recordings on their own writer thread. {@link #close} stops them all and
 * closes every socket.
 */
public final class MediaEngine implements Media, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MediaEngine.class);
    private static final RtpCall[] NO_CALLS = new RtpCall[0];

    private final MediaProperties settings;
    private final MediaMetrics metrics;
    private final PortPool ports;
    private final RtpCall.Shared shared;
    private final Recordings recordings;
    private final Receiver receiver;
    private final Sender sender;
    private final Mixer mixer;
    private final ScheduledExecutorService clock;
    private final Set<String> callIds = new HashSet<>();
    private volatile RtpCall[] calls = NO_CALLS;

    public MediaEngine(MediaProperties settings, MeterRegistry registry) {
        this.settings = settings;
        this.metrics = new MediaMetrics(registry, () -> calls.length, this::meetingsMixing);
        this.shared = new RtpCall.Shared(PromptLibrary.load(), Tones.musicOnHold(), settings.jitterDepth(), metrics);
        this.ports = new PortPool(settings.rtpHost(), settings.rtpPortMin(), settings.rtpPortMax());
        this.recordings = new Recordings(settings.recordingsDirectory(), settings.recordingRetention());
        this.receiver = new Receiver(metrics);
        this.sender = new Sender(() -> calls, metrics);
        this.mixer = new Mixer(() -> calls, recordings, sender, metrics, settings.rtpTimeout().toNanos());
        this.clock = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "media-mixer");
            thread.setDaemon(true);
            return thread;
        });
        clock.scheduleAtFixedRate(mixer, Frames.MILLIS, Frames.MILLIS, TimeUnit.MILLISECONDS);
        log.info("media: RTP on {} ports {}-{} (advertised {}), up to {} calls, recordings in {}", settings.rtpHost(),
                settings.rtpPortMin(), settings.rtpPortMax(), settings.advertisedHost(), settings.maxCalls(),
                settings.recordingsDirectory());
    }

    @Override
    public CallAudio open(String callId, AudioOffer offer, AudioEvents events) {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(offer, "offer");
        Objects.requireNonNull(events, "events");
        RtpCall call;
        synchronized (this) {
            if (callIds.contains(callId)) {
                throw new IllegalArgumentException("call " + callId + " has its audio open already");
            }
            if (calls.length >= settings.maxCalls()) {
                metrics.shed.increment();
                throw new MediaCapacityException("at capacity: " + calls.length + " calls");
            }
            DatagramChannel channel = ports.bind().orElseThrow(() -> {
                metrics.shed.increment();
                return new MediaCapacityException("no free RTP port in " + settings.rtpPortMin() + "-"
                        + settings.rtpPortMax());
            });
            int port = channel.socket().getLocalPort();
            call = new RtpCall(callId, channel, port, offer, events, shared, this::closed);
            callIds.add(callId);
            calls = append(calls, call);
        }
        receiver.register(call);
        return call;
    }

    private void closed(RtpCall call) {
        synchronized (this) {
            callIds.remove(call.callId());
            calls = Arrays.stream(calls).filter(open -> open != call).toArray(RtpCall[]::new);
        }
        receiver.release(call, () -> ports.release(call.localPort()));
    }

    @Override
    public boolean startRecording(long meetingNumber, String recordingName) {
        return recordings.start(meetingNumber, recordingName);
    }

    @Override
    public Optional<RecordedAudio> stopRecording(String recordingName) {
        return recordings.stop(recordingName);
    }

    @Override
    public Optional<RecordedAudio> recording(String recordingName) {
        return recordings.finished(recordingName);
    }

    @Override
    public int openCalls() {
        return calls.length;
    }

    /** The address phones send RTP to, for the SDP answer. */
    public String advertisedHost() {
        return settings.advertisedHost();
    }

    @Override
    public void close() {
        clock.shutdown();
        try {
            if (!clock.awaitTermination(5, TimeUnit.SECONDS)) {
                clock.shutdownNow();
            }
        } catch (InterruptedException e) {
            clock.shutdownNow();
            Thread.currentThread().interrupt();
        }
        recordings.close();
        sender.close();
        receiver.close();
        calls = NO_CALLS;
    }

    private int meetingsMixing() {
        return mixer == null ? 0 : mixer.meetingsMixing();
    }

    private static RtpCall[] append(RtpCall[] calls, RtpCall call) {
        RtpCall[] more = Arrays.copyOf(calls, calls.length + 1);
        more[calls.length] = call;
        return more;
    }
}
