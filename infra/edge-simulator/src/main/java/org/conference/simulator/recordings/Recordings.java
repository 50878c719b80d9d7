package org.conference.simulator.recordings;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.conference.common.events.TelephonyEvent;
import org.conference.simulator.support.SimulatorProperties;
import org.conference.common.telephony.TelephonyPublisher;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Recording the meetings' mixes (ARCHITECTURE.md §6): {@code record.start} on a call records the mix of the meeting
 * that call is in, so every call of that meeting shows {@code recording: true}; {@code record.stop}, or the end of the
 * call that carries it, stops it, writes its WAV and publishes {@code recording.completed}.
 */
@Component
public class Recordings {

    static final String PATH = "/simulator/v1/recordings";

    private final ConcurrentMap<String, ActiveRecording> active = new ConcurrentHashMap<>();
    private final RecordingArchive archive;
    private final TelephonyPublisher publisher;
    private final URI publicBaseUrl;
    private final int maxActive;

    Recordings(RecordingArchive archive, TelephonyPublisher publisher, SimulatorProperties properties) {
        this.archive = archive;
        this.publisher = publisher;
        this.publicBaseUrl = properties.publicBaseUrl();
        this.maxActive = properties.recordings().maxActive();
    }

    /**
     * Starts recording {@code name}; false when a recording of that name is already running or
     * {@code recordings.max-active} are.
     */
    public boolean start(String name, String callId, Long meetingNumber, long at) {
        if (active.size() >= maxActive) {
            return false;
        }
        return active.putIfAbsent(name, new ActiveRecording(name, callId, meetingNumber, at)) == null;
    }

    /** Stops recording {@code name}, whichever call of the meeting carries the command; empty when none runs. */
    public Optional<Mono<Void>> stop(String name, String callId, long at) {
        return Optional.ofNullable(active.remove(name)).map(recording -> complete(recording.stop(callId, at)));
    }

    /** Stops the recordings that {@code record.start} on this call started, because it ended. */
    public Mono<Void> stopCarriedBy(String callId, long at) {
        List<FinishedRecording> finished = active.values().stream()
                .filter(recording -> recording.callId().equals(callId))
                .filter(recording -> active.remove(recording.name(), recording))
                .map(recording -> recording.stop(callId, at))
                .toList();
        return Flux.fromIterable(finished).flatMap(this::complete).then();
    }

    /** Whether the call hears a recording: it carries one, or its meeting's mix is being recorded. */
    public boolean isRecording(String callId, Long meetingNumber) {
        return active.values().stream().anyMatch(recording -> recording.covers(callId, meetingNumber));
    }

    private Mono<Void> complete(FinishedRecording finished) {
        return Mono.fromCallable(() -> archive.store(finished))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(stored -> publisher.publish(TelephonyEvent.recordingCompleted(UUID.randomUUID().toString(),
                        finished.callId(), finished.stoppedAt(), stored.name(), locationOf(stored.name()).toString())));
    }

    URI locationOf(String name) {
        return UriComponentsBuilder.fromUri(publicBaseUrl).path(PATH).pathSegment(name).build().toUri();
    }
}
