package org.conference.simulator.recordings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.conference.simulator.support.SimulatorProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Scheduler;

/**
 * The WAV files of finished recordings, by recording name. They are kept as long as ended calls (the
 * {@code ended-retention}) and within {@code recordings.max-total-size} on disk; a file leaves the disk when it
 * leaves the archive. Each run writes into a directory of its own and removes it at shutdown.
 */
@Component
class RecordingArchive implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RecordingArchive.class);

    private final Path directory;
    private final Duration maxDuration;
    private final Cache<String, StoredRecording> recordings;

    RecordingArchive(SimulatorProperties properties) throws IOException {
        SimulatorProperties.Recordings settings = properties.recordings();
        boolean unset = settings.directory() == null || settings.directory().toString().isEmpty();
        Path parent = unset ? Path.of(System.getProperty("java.io.tmpdir")) : settings.directory();
        Files.createDirectories(parent);
        this.directory = Files.createTempDirectory(parent, "edge-simulator-recordings-");
        this.maxDuration = settings.maxDuration();
        this.recordings = Caffeine.newBuilder()
                .expireAfterWrite(properties.endedRetention())
                .maximumWeight(Math.max(1, settings.maxTotalSize().toKilobytes()))
                .weigher((String name, StoredRecording stored) -> (int) Math.min(Integer.MAX_VALUE,
                        Math.max(1, stored.sizeBytes() / 1024)))
                .scheduler(Scheduler.systemScheduler())
                // Inline, so that the file is gone when the archive no longer lists it (and at shutdown).
                .executor(Runnable::run)
                .removalListener((String name, StoredRecording stored, RemovalCause cause) -> delete(stored))
                .build();
        log.info("Recordings are written to {}", directory);
    }

    /** Writes the recording's WAV (blocking: call it off the event loop) and keeps it under its name. */
    StoredRecording store(FinishedRecording finished) {
        long millis = Math.min(finished.durationMillis(), maxDuration.toMillis());
        Path file = directory.resolve(UUID.randomUUID() + ".wav");
        try {
            ToneWav.write(file, ToneWav.framesFor(millis));
            StoredRecording stored = new StoredRecording(finished.name(), file, Files.size(file));
            recordings.put(finished.name(), stored);
            return stored;
        } catch (IOException e) {
            deleteQuietly(file);
            throw new UncheckedIOException("cannot write recording " + finished.name(), e);
        }
    }

    Optional<StoredRecording> find(String name) {
        return Optional.ofNullable(recordings.getIfPresent(name));
    }

    @Override
    public void destroy() throws IOException {
        recordings.invalidateAll();
        recordings.cleanUp();
        try (var leftovers = Files.list(directory)) {
            leftovers.forEach(RecordingArchive::deleteQuietly);
        }
        Files.deleteIfExists(directory);
    }

    private static void delete(StoredRecording stored) {
        if (stored != null) {
            deleteQuietly(stored.file());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", file, e.toString());
        }
    }
}
