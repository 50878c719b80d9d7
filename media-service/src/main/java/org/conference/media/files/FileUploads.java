package org.conference.media.files;

import java.util.List;
import java.util.function.Function;

import org.bson.Document;
import org.conference.common.api.ApiError;
import org.conference.common.api.ApiException;
import org.conference.common.api.FieldError;
import org.conference.common.events.MediaEvent;
import org.conference.common.identity.Identity;
import org.conference.common.persistence.OptimisticWrites;
import org.conference.media.audio.AudioInfo;
import org.conference.media.audio.AudioProbe;
import org.conference.media.audio.NotAudioException;
import org.conference.media.directory.Directory;
import org.conference.media.directory.Owner;
import org.conference.media.storage.ContentLimitExceeded;
import org.conference.media.storage.ContentStore;
import org.conference.media.storage.StoredContent;
import org.conference.media.support.MediaMetrics;
import org.conference.media.support.MediaProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Stores a file: the bytes stream into GridFS under a fresh id (never whole in memory), are read back to tell their
 * audio type and duration, and only then does the descriptor switch to them, in one guarded write that also queues
 * {@code file.stored}. Until that write the old content, if any, is what every reader gets; after it the old content
 * is deleted. Whatever fails on the way removes the new content, so a refused upload leaves nothing behind.
 */
@Service
public class FileUploads {

    private static final Logger log = LoggerFactory.getLogger(FileUploads.class);

    private final Directory directory;
    private final FileDescriptors descriptors;
    private final FileEvents events;
    private final ContentStore content;
    private final AudioProbe audio;
    private final MediaMetrics metrics;
    private final MediaProperties limits;

    FileUploads(Directory directory, FileDescriptors descriptors, FileEvents events, ContentStore content,
            AudioProbe audio, MediaMetrics metrics, MediaProperties limits) {
        this.directory = directory;
        this.descriptors = descriptors;
        this.events = events;
        this.content = content;
        this.audio = audio;
        this.metrics = metrics;
        this.limits = limits;
    }

    /** The size limit of one file, in bytes. */
    public long maxFileSize() {
        return limits.maxFileSize().toBytes();
    }

    /**
     * Uploads {@code bytes} as the caller's file {@code fileName} of subscriber {@code sid}: 422 for a bad name or
     * non-audio, 409 over the count quota, 413 over the size limit or the bytes quota.
     */
    public Mono<MediaEvent.FileDescriptor> upload(Identity caller, String sid, String fileName,
            Flux<DataBuffer> bytes) {
        String name = FileNames.require(fileName);
        return directory.writable(caller, sid)
                .flatMap(owner -> Mono.zip(descriptors.usage(sid),
                                descriptors.live(sid, name).map(List::of).defaultIfEmpty(List.of()))
                        .flatMap(found -> {
                            FileDescriptors.Usage usage = found.getT1();
                            long replaced = found.getT2().isEmpty() ? 0 : found.getT2().get(0).size();
                            if (found.getT2().isEmpty() && usage.files() >= limits.quota().maxFiles()) {
                                metrics.refusedUpload("files");
                                return Mono.error(ApiException.conflict("file", "the subscriber has "
                                        + usage.files() + " files, its quota is " + limits.quota().maxFiles()
                                        + ": delete some before uploading another", null));
                            }
                            long quotaLeft = limits.quota().maxBytes().toBytes() - (usage.bytes() - replaced);
                            return store(owner, name, bytes, quotaLeft, null, stored -> List.of(
                                    events.stored(stored)));
                        }))
                .map(FileDocument::descriptor);
    }

    /**
     * Stores a meeting's recording as its room owner's file, once per {@code recordingName}: if a file already came
     * from it, that file is the answer and nothing is written. Recordings count against no quota (a meeting's record
     * is not lost to one), but the size limit holds.
     */
    public Mono<MediaEvent.FileDescriptor> storeRecording(Owner owner, String fileName, String recordingName,
            long meetingNumber, Flux<DataBuffer> bytes) {
        String name = FileNames.require(fileName);
        return descriptors.byRecording(recordingName)
                .switchIfEmpty(Mono.defer(() -> store(owner, name, bytes, Long.MAX_VALUE, recordingName,
                        stored -> List.of(events.stored(stored), events.recordingAvailable(stored, meetingNumber)))))
                .map(FileDocument::descriptor);
    }

    private Mono<FileDocument> store(Owner owner, String name, Flux<DataBuffer> bytes, long quotaLeft,
            String recordingName, Function<FileDocument, List<MediaEvent>> announce) {
        if (quotaLeft <= 0) {
            return Mono.error(overQuota());
        }
        long limit = Math.min(maxFileSize(), quotaLeft);
        Document metadata = new Document("subscriberSid", owner.sid()).append("name", name);
        return content.upload(name, metadata, bytes, limit)
                .onErrorMap(ContentLimitExceeded.class, exceeded -> exceeded.limitBytes() < maxFileSize()
                        ? overQuota() : tooLarge())
                .flatMap(stored -> audio.probe(content.read(stored.id(), 0, stored.length() - 1))
                        .onErrorMap(NotAudioException.class,
                                notAudio -> ApiException.validation("file", notAudio.getMessage()))
                        .flatMap(info -> switchTo(owner, name, stored, info, recordingName, announce))
                        .onErrorResume(failure -> content.delete(stored.id()).then(Mono.error(failure))));
    }

    /** One guarded write makes the new content the file's; the content it replaced is deleted after. */
    private Mono<FileDocument> switchTo(Owner owner, String name, StoredContent stored, AudioInfo info,
            String recordingName, Function<FileDocument, List<MediaEvent>> announce) {
        FileDocument next = new FileDocument(FileDocument.idOf(owner.sid(), name), owner.sid(), name,
                stored.length(), info.durationMillis(), info.contentType(), stored.id(),
                stored.uploaded().toEpochMilli(), recordingName, 1, false, null);
        return OptimisticWrites.retryingConflicts(descriptors.any(owner.sid(), name)
                        .map(List::of).defaultIfEmpty(List.of())
                        .flatMap(current -> {
                            FileDocument previous = current.isEmpty() ? null : current.get(0);
                            return descriptors.put(previous, next, announce.apply(next))
                                    .flatMap(saved -> previous == null || previous.contentId() == null
                                            ? Mono.just(saved)
                                            : freeReplaced(previous).thenReturn(saved));
                        }))
                .doOnSuccess(saved -> metrics.stored(saved.size()));
    }

    /**
     * The switch is done: failing to delete the old content must not fail the upload (whose clean-up would then
     * delete the new content the file now points at); the orphan sweep takes what is left.
     */
    private Mono<Void> freeReplaced(FileDocument previous) {
        return content.delete(previous.contentId()).onErrorResume(failure -> {
            log.warn("Could not delete the replaced content {} of {} yet, the orphan sweep will: {}",
                    previous.contentId(), previous.id(), failure.toString());
            return Mono.empty();
        });
    }

    /** "104857600 bytes (100 MiB)", as the platform's other 413 answers name their limits. */
    private static String describe(long bytes) {
        long mib = 1024 * 1024;
        return bytes % mib == 0 ? bytes + " bytes (" + bytes / mib + " MiB)" : bytes + " bytes";
    }

    /** 413 naming the size limit (counted as a refusal). */
    ApiException tooLarge() {
        metrics.refusedUpload("size");
        String message = "file too large: the limit is " + describe(maxFileSize());
        return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, ApiError.of(message, FieldError.of("file", message)));
    }

    private ApiException overQuota() {
        metrics.refusedUpload("bytes");
        String message = "the subscriber's files would take more than its quota of "
                + describe(limits.quota().maxBytes().toBytes()) + ": delete some before uploading this";
        return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, ApiError.of(message, FieldError.of("file", message)));
    }
}
