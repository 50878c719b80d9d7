package org.conference.edge.media;

import java.nio.file.Path;

/** A finished recording of a meeting's mix: a WAV file kept by the edge until media-service has fetched it. */
public record RecordedAudio(String name, long meetingNumber, Path file, long durationMillis, long sizeBytes) {
}
