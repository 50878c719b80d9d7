package org.conference.media.files;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import org.conference.common.api.ApiException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.multipart.FilePartEvent;
import org.springframework.http.codec.multipart.PartEvent;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Picks the file part out of a multipart body read as events. The first part of the wanted name is handed on as a
 * stream of its bytes; every other part is read and dropped, and so are the remaining bytes of a part whose upload
 * failed early (over a limit), so the client, which is still sending, gets to read the answer.
 */
final class UploadParts {

    /** Multipart framing around a file part: boundaries and part headers, generously. */
    private static final long FRAMING_ALLOWANCE = 64 * 1024;

    static <T> Mono<T> firstFile(Flux<PartEvent> parts, String partName, long declaredLength, long maxFileSize,
            Supplier<ApiException> tooLarge, BiFunction<String, Flux<DataBuffer>, Mono<T>> upload) {
        if (declaredLength > maxFileSize + FRAMING_ALLOWANCE) {
            // the body is surely too large: refuse before reading a byte of it
            return Mono.error(tooLarge);
        }
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        return parts.windowUntil(PartEvent::isLast)
                .concatMap(part -> part.switchOnFirst((first, events) -> {
                    if (first.get() instanceof FilePartEvent file && partName.equals(file.name())
                            && result.get() == null && failure.get() == null) {
                        return Mono.<T>defer(() -> upload.apply(file.filename(), events.map(PartEvent::content)))
                                .doOnNext(result::set)
                                .onErrorResume(error -> {
                                    failure.set(error);
                                    return Mono.empty();
                                })
                                .then();
                    }
                    return drain(events);
                }))
                // the rest of a part whose upload gave up early is dropped by the window, not the connection: the
                // body is read to its end, its buffers released
                .doOnDiscard(PartEvent.class, event -> DataBufferUtils.release(event.content()))
                .then(Mono.defer(() -> {
                    if (failure.get() != null) {
                        return Mono.error(failure.get());
                    }
                    return result.get() == null ? Mono.error(ApiException.validation(partName,
                            "a multipart form field '" + partName + "' with the file is required"))
                            : Mono.just(result.get());
                }));
    }

    /** Reads what is left of a part and drops it; completes when the part is over. */
    private static <T> Mono<T> drain(Flux<PartEvent> events) {
        return events.doOnNext(event -> DataBufferUtils.release(event.content())).then(Mono.empty());
    }

    private UploadParts() {
    }
}
