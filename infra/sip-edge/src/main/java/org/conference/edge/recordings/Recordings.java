package org.conference.edge.recordings;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.conference.common.events.TelephonyEvent;
import org.conference.edge.media.Media;
import org.conference.edge.media.RecordedAudio;
import org.conference.edge.support.EdgeProperties;
import org.conference.common.telephony.TelephonyPublisher;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Recording the meetings' mixes (ARCHITECTURE.md §6), as the simulator does: {@code record.start} on a call records
 * the mix of the meeting that call is in; {@code record.stop} (on any call), or the end of the call that carried the
 * start, stops it and publishes {@code recording.completed}, keyed by the call whose command or end stopped it.
 */
@Component
public class Recordings {

    static final String PATH = "/edge/v1/recordings";

    /** Recording name to the call whose {@code record.start} started it. */
    private final ConcurrentMap<String, String> carriedBy = new ConcurrentHashMap<>();
    private final Media media;
    private final TelephonyPublisher publisher;
    private final URI publicBaseUrl;
    private final Clock clock;

    Recordings(Media media, TelephonyPublisher publisher, EdgeProperties properties, Clock clock) {
        this.media = media;
        this.publisher = publisher;
        this.publicBaseUrl = properties.publicBaseUrl();
        this.clock = clock;
    }

    /** Starts recording the meeting's mix; false when a recording of that name runs already (or the media refuses). */
    public boolean start(String name, String callId, long meetingNumber) {
        if (carriedBy.putIfAbsent(name, callId) != null) {
            return false;
        }
        if (!media.startRecording(meetingNumber, name)) {
            carriedBy.remove(name, callId);
            return false;
        }
        return true;
    }

    /**
     * Stops recording {@code name}, whichever call carries the command; empty when none runs. The WAV is finished
     * and the event published by the returned {@link Mono}, off the caller's thread.
     */
    public Optional<Mono<Void>> stop(String name, String callId) {
        if (carriedBy.remove(name) == null) {
            return Optional.empty();
        }
        return Optional.of(finish(name, callId));
    }

    /** Stops the recordings that {@code record.start} on this call started, because it ended. */
    public Mono<Void> stopCarriedBy(String callId) {
        List<String> names = carriedBy.entrySet().stream()
                .filter(entry -> entry.getValue().equals(callId))
                .map(Map.Entry::getKey)
                .filter(name -> carriedBy.remove(name, callId))
                .toList();
        return Flux.fromIterable(names).flatMap(name -> finish(name, callId)).then();
    }

    private Mono<Void> finish(String name, String callId) {
        // Finishing a WAV writes its header to disk: not on a SIP or event-loop thread.
        return Mono.fromCallable(() -> media.stopRecording(name))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(Mono::justOrEmpty)
                .flatMap(recorded -> publisher.publish(completed(recorded, callId)));
    }

    private TelephonyEvent completed(RecordedAudio recorded, String callId) {
        return TelephonyEvent.recordingCompleted(UUID.randomUUID().toString(), callId, clock.millis(),
                recorded.name(), locationOf(recorded.name()).toString());
    }

    URI locationOf(String name) {
        return UriComponentsBuilder.fromUri(publicBaseUrl).path(PATH).pathSegment(name).build().toUri();
    }
}
