package org.conference.media.files;

import java.util.List;
import java.util.Map;

import org.conference.common.api.ApiException;
import org.conference.common.api.ListEnvelope;
import org.conference.common.events.MediaEvent;
import org.conference.common.identity.Identity;
import org.conference.common.query.ListQuery;
import org.conference.common.query.ResourceSchema;
import org.conference.media.support.ApiPaths;
import org.conference.media.support.ApiViews;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The reference's File Descriptor endpoints. */
@RestController
@RequestMapping(ApiPaths.BASE + "/subscribers/{sid}/files")
class FileController {

    static final ResourceSchema SCHEMA = ResourceSchema.builder()
            .string("name").id()
            .integer("size")
            .integer("duration")
            .build();

    private final FileUploads uploads;
    private final FileService files;
    private final ApiViews views;

    FileController(FileUploads uploads, FileService files, ApiViews views) {
        this.uploads = uploads;
        this.files = files;
        this.views = views;
    }

    /**
     * The body is read as multipart events, so the {@code file} part's bytes stream on into GridFS as they arrive
     * (a part reader that collects parts would first park them on disk or in memory).
     */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<MediaEvent.FileDescriptor> upload(Identity caller, @PathVariable String sid,
            @RequestBody Flux<PartEvent> parts, ServerWebExchange exchange) {
        long declared = exchange.getRequest().getHeaders().getContentLength();
        return UploadParts.firstFile(parts, "file", declared, uploads.maxFileSize(), uploads::tooLarge,
                (fileName, bytes) -> uploads.upload(caller, sid, fileName, bytes));
    }

    @GetMapping
    Mono<ListEnvelope<Map<String, Object>>> list(Identity caller, @PathVariable String sid,
            @RequestParam MultiValueMap<String, String> params) {
        ListQuery query = ListQuery.from(params, SCHEMA);
        return files.list(caller, sid, query)
                .map(page -> views.list("fileDescriptors", page, descriptor -> descriptor, query.fields()));
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> deleteSeveral(Identity caller, @PathVariable String sid,
            @RequestBody(required = false) List<String> names) {
        if (names == null) {
            return Mono.error(ApiException.validation("files", "a non-empty array of file names is required"));
        }
        return files.deleteAll(caller, sid, names);
    }

    @DeleteMapping("/{fileName}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(Identity caller, @PathVariable String sid, @PathVariable String fileName) {
        return files.delete(caller, sid, fileName);
    }
}
