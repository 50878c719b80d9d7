package org.conference.media.support;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The limits and edges of media-service ({@code conference.media.*}).
 *
 * @param maxFileSize   the largest file an upload may carry: 413 above it, nothing stored
 * @param quota         per subscriber: at most {@code maxFiles} files (409 for one more) and {@code maxBytes} bytes
 *                      (413 for an upload that would go over)
 * @param edgeBaseUrls  the only places recordings are fetched from (an SSRF guard); anything else is refused
 * @param orphans       content that no descriptor points at and older than {@code grace} is swept every
 *                      {@code sweepInterval} (the chunks of an upload a crash cut short)
 * @param recordings    how a failed recording fetch is retried before the Kafka error handler takes over
 */
@ConfigurationProperties("conference.media")
public record MediaProperties(DataSize maxFileSize, Quota quota, List<String> edgeBaseUrls, Orphans orphans,
        Recordings recordings) {

    public record Quota(int maxFiles, DataSize maxBytes) {
    }

    public record Orphans(Duration grace, Duration sweepInterval) {
    }

    public record Recordings(int fetchRetries, Duration fetchBackoff, Duration fetchTimeout) {
    }
}
