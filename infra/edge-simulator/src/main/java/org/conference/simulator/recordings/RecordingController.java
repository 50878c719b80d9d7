package org.conference.simulator.recordings;

import org.conference.common.api.ApiException;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /simulator/v1/recordings/{name}}: the WAV of a finished recording, where media-service fetches it. */
@RestController
@RequestMapping(Recordings.PATH)
class RecordingController {

    static final MediaType AUDIO_WAV = MediaType.parseMediaType("audio/wav");

    private final RecordingArchive archive;

    RecordingController(RecordingArchive archive) {
        this.archive = archive;
    }

    @GetMapping("/{name}")
    ResponseEntity<Resource> recording(@PathVariable String name) {
        StoredRecording stored = archive.find(name).orElseThrow(() -> ApiException.notFound("recording"));
        return ResponseEntity.ok().contentType(AUDIO_WAV).contentLength(stored.sizeBytes())
                .body(new FileSystemResource(stored.file()));
    }
}
