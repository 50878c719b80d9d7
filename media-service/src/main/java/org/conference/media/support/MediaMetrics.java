package org.conference.media.support;

import java.util.List;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** What operators watch on media-service: traffic in and out, and what it refused. */
@Component
public class MediaMetrics {

    private final MeterRegistry meters;
    private final Counter uploads;
    private final Counter uploadBytes;
    private final Counter downloads;
    private final Counter downloadBytes;
    private final Counter refusedRecordings;

    public MediaMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.uploads = Counter.builder("conference.media.uploads").description("Files stored (uploads and recordings)")
                .register(meters);
        this.uploadBytes = Counter.builder("conference.media.upload.bytes").baseUnit("bytes")
                .description("Bytes of the files stored").register(meters);
        this.downloads = Counter.builder("conference.media.downloads").description("Downloads served (200 and 206)")
                .register(meters);
        this.downloadBytes = Counter.builder("conference.media.download.bytes").baseUnit("bytes")
                .description("Bytes sent by downloads").register(meters);
        this.refusedRecordings = Counter.builder("conference.media.recordings.refused")
                .description("Recording locations refused: not on a configured edge base URL").register(meters);
        // every limit's series exists from start-up, at 0
        List.of("files", "bytes", "size").forEach(this::quotaRefusals);
    }

    public void stored(long bytes) {
        uploads.increment();
        uploadBytes.increment(bytes);
    }

    public void downloadStarted() {
        downloads.increment();
    }

    public void downloaded(long bytes) {
        downloadBytes.increment(bytes);
    }

    /** {@code limit}: {@code files} (count quota), {@code bytes} (bytes quota) or {@code size} (file size limit). */
    public void refusedUpload(String limit) {
        quotaRefusals(limit).increment();
    }

    private Counter quotaRefusals(String limit) {
        return Counter.builder("conference.media.quota.refusals").tag("limit", limit)
                .description("Uploads refused by a quota or the size limit").register(meters);
    }

    public void refusedRecording() {
        refusedRecordings.increment();
    }
}
