package org.conference.media.download;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.conference.common.api.ApiError;
import org.conference.common.api.FieldError;
import org.conference.common.identity.Identity;
import org.conference.media.files.FileService;
import org.conference.media.files.StoredFile;
import org.conference.media.storage.ContentStore;
import org.conference.media.support.ApiPaths;
import org.conference.media.support.MediaMetrics;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Flux;
import tools.jackson.databind.ObjectMapper;
import reactor.core.publisher.Mono;

/**
 * {@code GET}/{@code HEAD /storage/subscribers/{sid}/{fileName}}: a File Descriptor's {@code url}. Streams the bytes
 * from GridFS with their audio type, length, entity tag and date; answers a conditional request whose copy is current
 * with 304 and a single byte range with 206 (416 when it cannot be satisfied), so a player can seek.
 */
@RestController
class DownloadController {

    private final FileService files;
    private final ContentStore content;
    private final MediaMetrics metrics;
    private final ObjectMapper json;

    DownloadController(FileService files, ContentStore content, MediaMetrics metrics, ObjectMapper json) {
        this.files = files;
        this.content = content;
        this.metrics = metrics;
        this.json = json;
    }

    @RequestMapping(path = ApiPaths.STORAGE + "/{sid}/{fileName}", method = {RequestMethod.GET, RequestMethod.HEAD})
    Mono<ResponseEntity<Flux<DataBuffer>>> download(Identity caller, @PathVariable String sid,
            @PathVariable String fileName, ServerHttpRequest request) {
        return files.find(caller, sid, fileName).map(file -> answer(file, request));
    }

    private ResponseEntity<Flux<DataBuffer>> answer(StoredFile file, ServerHttpRequest request) {
        HttpHeaders asked = request.getHeaders();
        Instant modified = Instant.ofEpochMilli(file.modified()).truncatedTo(ChronoUnit.SECONDS);
        long length = file.descriptor().size();
        if (notModified(file, asked, modified)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(file.etag()).lastModified(modified).build();
        }
        Optional<ByteRange> range;
        try {
            range = rangeFor(file, asked, modified, length);
        } catch (ByteRange.Unsatisfiable unsatisfiable) {
            byte[] body = json.writeValueAsBytes(ApiError.of("range not satisfiable", FieldError.of("Range",
                    "the file has " + length + " bytes; ask for one range within them, e.g. bytes=0-"
                            + Math.max(0, length - 1))));
            return ResponseEntity.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
                    .header(HttpHeaders.CONTENT_RANGE, "bytes */" + length)
                    .contentType(MediaType.APPLICATION_JSON)
                    .contentLength(body.length)
                    .body(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)));
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(range.isPresent() ? HttpStatus.PARTIAL_CONTENT
                        : HttpStatus.OK)
                .contentType(MediaType.parseMediaType(file.contentType()))
                .eTag(file.etag())
                .lastModified(modified)
                .header(HttpHeaders.ACCEPT_RANGES, "bytes");
        range.ifPresent(part -> answer.header(HttpHeaders.CONTENT_RANGE, part.contentRange()));
        long first = range.map(ByteRange::first).orElse(0L);
        long last = range.map(ByteRange::last).orElse(length - 1);
        answer.contentLength(last - first + 1);
        if (HttpMethod.HEAD.equals(request.getMethod())) {
            return answer.body(Flux.empty());
        }
        metrics.downloadStarted();
        AtomicLong sent = new AtomicLong();
        return answer.body(content.read(file.contentId(), first, last)
                .doOnNext(buffer -> sent.addAndGet(buffer.readableByteCount()))
                .doFinally(signal -> metrics.downloaded(sent.get())));
    }

    private static boolean notModified(StoredFile file, HttpHeaders asked, Instant modified) {
        if (!asked.getIfNoneMatch().isEmpty()) {
            return asked.getIfNoneMatch().stream().anyMatch(tag -> tag.equals("*") || tag.equals(file.etag())
                    || tag.equals("W/" + file.etag()));
        }
        long since = asked.getIfModifiedSince();
        return since >= 0 && !modified.isAfter(Instant.ofEpochMilli(since));
    }

    /** An {@code If-Range} that no longer matches the file turns a range request into a full download. */
    private static Optional<ByteRange> rangeFor(StoredFile file, HttpHeaders asked, Instant modified, long length) {
        String ifRange = asked.getFirst(HttpHeaders.IF_RANGE);
        if (ifRange != null && !ifRange.equals(file.etag())) {
            try {
                if (!Instant.ofEpochMilli(asked.getFirstDate(HttpHeaders.IF_RANGE)).equals(modified)) {
                    return Optional.empty();
                }
            } catch (IllegalArgumentException notADate) {
                return Optional.empty();
            }
        }
        return ByteRange.of(asked.getFirst(HttpHeaders.RANGE), length);
    }
}
