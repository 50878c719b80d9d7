package org.conference.media.recordings;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.conference.common.events.MediaEvent;
import org.conference.common.events.TelephonyEvent;
import org.conference.media.directory.Directory;
import org.conference.media.directory.Owner;
import org.conference.media.files.FileUploads;
import org.conference.media.support.MediaMetrics;
import org.conference.media.support.MediaProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Service;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Turns a finished recording into a file of the meeting room's owner, named
 * {@code meeting-<meetingNumber>-<yyyyMMdd-HHmmss>.wav} after when the recording completed (UTC): fetched from the
 * edge (only from a configured edge base URL, anything else is refused and counted), streamed into GridFS, announced
 * with {@code recording.available}. Stored once per recording name, however often the event arrives. A failed fetch
 * is retried with backoff here; past that the record fails, and the Kafka error handler retries it and dead-letters it.
 */
@Service
class Recordings {

    private static final Logger log = LoggerFactory.getLogger(Recordings.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final Directory directory;
    private final FileUploads uploads;
    private final RecordingLedger ledger;
    private final EdgeLocations edges;
    private final MediaMetrics metrics;
    private final MediaProperties.Recordings settings;
    private final WebClient http = WebClient.create();

    Recordings(Directory directory, FileUploads uploads, RecordingLedger ledger, EdgeLocations edges,
            MediaMetrics metrics, MediaProperties properties) {
        this.directory = directory;
        this.uploads = uploads;
        this.ledger = ledger;
        this.edges = edges;
        this.metrics = metrics;
        this.settings = properties.recordings();
    }

    static String fileName(long meetingNumber, long completedAt) {
        return "meeting-" + meetingNumber + "-" + STAMP.format(Instant.ofEpochMilli(completedAt)) + ".wav";
    }

    /**
     * The name for a recording whose {@link #fileName} an earlier recording of the owner already has (two takes that
     * completed in the same second): the take number from {@code <meetingNumber>-<meetingId>-<take>} follows the
     * stamp, so the later one does not replace the earlier.
     */
    static String withTake(String fileName, String recordingName) {
        String take = recordingName.substring(recordingName.lastIndexOf('-') + 1);
        return fileName.substring(0, fileName.length() - ".wav".length()) + "-" + take + ".wav";
    }

    /** The meeting number that a recording name {@code <meetingNumber>-<meetingId>-<take>} starts with. */
    static long meetingNumber(String recordingName) {
        int dash = recordingName == null ? -1 : recordingName.indexOf('-');
        try {
            return Long.parseLong(dash < 0 ? String.valueOf(recordingName) : recordingName.substring(0, dash));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("recording name " + recordingName + " does not start with a meeting"
                    + " number", e);
        }
    }

    /** Empty when stored now, stored before, or refused. */
    Mono<MediaEvent.FileDescriptor> completed(TelephonyEvent event) {
        String name = event.recordingName();
        if (!edges.allows(event.recordingLocation())) {
            metrics.refusedRecording();
            log.warn("Refused to fetch recording {} from {}: not under a configured edge base URL", name,
                    event.recordingLocation());
            return Mono.empty();
        }
        long meetingNumber = meetingNumber(name);
        String stamped = fileName(meetingNumber, event.occurredAt());
        return ledger.has(name).flatMap(stored -> stored ? Mono.empty()
                : directory.roomOwner(meetingNumber)
                        .switchIfEmpty(Mono.error(() -> new IllegalStateException("meeting room " + meetingNumber
                                + " of recording " + name + " is not known (yet)")))
                        .flatMap(owner -> ledger.holdsFileName(owner.sid(), stamped)
                                .map(taken -> taken ? withTake(stamped, name) : stamped)
                                .flatMap(fileName -> store(event, owner, fileName, meetingNumber))));
    }

    private Mono<MediaEvent.FileDescriptor> store(TelephonyEvent event, Owner owner, String fileName,
            long meetingNumber) {
        String name = event.recordingName();
        return Mono.defer(() -> uploads.storeRecording(owner, fileName, name, meetingNumber,
                                        fetch(event.recordingLocation())))
                                .retryWhen(Retry.backoff(settings.fetchRetries(), settings.fetchBackoff())
                                        .filter(RecordingFetchFailed.class::isInstance))
                                .flatMap(descriptor -> ledger.record(name, meetingNumber, owner.sid(), fileName)
                                        .thenReturn(descriptor));
    }

    private Flux<DataBuffer> fetch(String location) {
        return http.get().uri(URI.create(location)).retrieve()
                .onStatus(HttpStatusCode::isError, answer -> answer.releaseBody().then(Mono.error(
                        new RecordingFetchFailed("the edge answered " + answer.statusCode() + " for " + location,
                                null))))
                .bodyToFlux(DataBuffer.class)
                .timeout(settings.fetchTimeout())
                .onErrorMap(failure -> !(failure instanceof RecordingFetchFailed),
                        failure -> new RecordingFetchFailed("could not fetch " + location, failure));
    }
}
