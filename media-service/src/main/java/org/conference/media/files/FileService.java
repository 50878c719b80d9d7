package org.conference.media.files;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.conference.common.api.ApiError;
import org.conference.common.api.ApiException;
import org.conference.common.api.FieldError;
import org.conference.common.events.MediaEvent;
import org.conference.common.identity.Identity;
import org.conference.common.persistence.OptimisticWrites;
import org.conference.common.query.ListQuery;
import org.conference.common.query.Page;
import org.conference.media.directory.Directory;
import org.conference.media.storage.ContentStore;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads and deletes subscribers' files; a deletion queues {@code file.deleted} and then frees the content. */
@Service
public class FileService {

    private final Directory directory;
    private final FileDescriptors descriptors;
    private final FileEvents events;
    private final ContentStore content;

    FileService(Directory directory, FileDescriptors descriptors, FileEvents events, ContentStore content) {
        this.directory = directory;
        this.descriptors = descriptors;
        this.events = events;
        this.content = content;
    }

    Mono<Page<MediaEvent.FileDescriptor>> list(Identity caller, String sid, ListQuery query) {
        return directory.readable(caller, sid).flatMap(owner -> descriptors.page(sid, query))
                .map(page -> new Page<>(page.items().stream().map(FileDocument::descriptor).toList(), page.offset(),
                        page.total()));
    }

    /** A live file the caller may read, for a download; 404 otherwise. */
    public Mono<StoredFile> find(Identity caller, String sid, String name) {
        return directory.readable(caller, sid)
                .flatMap(owner -> descriptors.live(sid, name))
                .map(FileDocument::stored)
                .switchIfEmpty(Mono.error(ApiException.notFound("file " + name)));
    }

    Mono<Void> delete(Identity caller, String sid, String name) {
        return directory.writable(caller, sid)
                .flatMap(owner -> OptimisticWrites.retryingConflicts(descriptors.live(sid, name)
                        .switchIfEmpty(Mono.error(ApiException.notFound("file " + name)))
                        .flatMap(this::delete)));
    }

    /**
     * All or nothing: when any name is not a live file of the subscriber, the answer is 404 naming every such name
     * and nothing is deleted. (Without multi-document transactions, a concurrent request may still delete one of
     * them between the check and the deletions; that only makes this request's work smaller.)
     */
    Mono<Void> deleteAll(Identity caller, String sid, List<String> names) {
        if (names == null || names.isEmpty() || names.stream().anyMatch(name -> name == null || name.isBlank())) {
            return Mono.error(ApiException.validation("files", "a non-empty array of file names is required"));
        }
        Set<String> wanted = new LinkedHashSet<>(names);
        return directory.writable(caller, sid)
                .flatMap(owner -> descriptors.live(sid, wanted).collectList())
                .flatMap(found -> {
                    Set<String> missing = new LinkedHashSet<>(wanted);
                    found.forEach(file -> missing.remove(file.name()));
                    if (!missing.isEmpty()) {
                        return Mono.error(notFound(missing));
                    }
                    return Flux.fromIterable(found).concatMap(file -> OptimisticWrites.retryingConflicts(
                            descriptors.live(sid, file.name()).flatMap(this::delete))).then();
                });
    }

    /** A deleted subscriber's files go with it (its tombstone on the subscribers topic). */
    Mono<Long> deleteEverythingOf(String sid) {
        return descriptors.allLive(sid)
                .concatMap(file -> OptimisticWrites.retryingConflicts(descriptors.live(sid, file.name())
                        .flatMap(this::delete)).thenReturn(1L))
                .count();
    }

    private Mono<Void> delete(FileDocument file) {
        // once the descriptor is flagged the file is gone for every reader; content left by a failed deletion here is
        // the orphan sweep's
        return descriptors.markDeleted(file, events.deleted(file))
                .then(Mono.defer(() -> file.contentId() == null ? Mono.empty()
                        : content.delete(file.contentId()).onErrorResume(failure -> Mono.empty())));
    }

    private static ApiException notFound(Set<String> names) {
        List<FieldError> errors = names.stream()
                .map(name -> new FieldError("files", "cannot find file " + name, null)).toList();
        return new ApiException(HttpStatus.NOT_FOUND, new ApiError("no item error", errors));
    }
}
