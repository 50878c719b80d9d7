package org.conference.edge.recordings;

import org.conference.common.api.ApiException;
import org.conference.edge.media.Media;
import org.conference.edge.media.RecordedAudio;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /edge/v1/recordings/{name}}: the WAV of a finished recording, where media-service fetches it. The file
 * goes out as a {@link Resource}, which WebFlux streams (zero-copy where it can) without a blocking read on the event
 * loop.
 */
@RestController
@RequestMapping(Recordings.PATH)
class RecordingController {

    static final MediaType AUDIO_WAV = MediaType.parseMediaType("audio/wav");

    private final Media media;

    RecordingController(Media media) {
        this.media = media;
    }

    @GetMapping("/{name}")
    ResponseEntity<Resource> recording(@PathVariable String name) {
        RecordedAudio recorded = media.recording(name).orElseThrow(() -> ApiException.notFound("recording"));
        return ResponseEntity.ok().contentType(AUDIO_WAV).contentLength(recorded.sizeBytes())
                .body(new FileSystemResource(recorded.file()));
    }
}
