package org.conference.simulator.recordings;

import java.nio.file.Path;

/** A finished recording's WAV on disk. */
record StoredRecording(String name, Path file, long sizeBytes) {
}
