package org.conference.edge.media.recording;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Scheduler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.conference.edge.media.RecordedAudio;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The meetings' recordings: running ones, which the mixer feeds, and finished ones, kept as WAV files in one directory
 * for the configured retention (media-service fetches them meanwhile), then deleted. Files of an earlier run older
 * than the retention are deleted at start.
 */
public final class Recordings implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Recordings.class);
    private static final ActiveRecording[] NONE = new ActiveRecording[0];
    private static final Duration FINISH_WAIT = Duration.ofSeconds(10);

    private final Path directory;
    private final ExecutorService writer;
    private final Map<String, ActiveRecording> running = new ConcurrentHashMap<>();
    private final Cache<String, RecordedAudio> finished;
    private volatile ActiveRecording[] snapshot = NONE;

    public Recordings(Path directory, Duration retention) {
        this.directory = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.directory);
        } catch (IOException e) {
            throw new UncheckedIOException("recordings directory " + directory + " cannot be created", e);
        }
        deleteOlderThan(retention);
        this.writer = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "media-recorder");
            thread.setDaemon(true);
            return thread;
        });
        this.finished = Caffeine.newBuilder()
                .expireAfterWrite(retention)
                .scheduler(Scheduler.systemScheduler())
                .<String, RecordedAudio>removalListener((name, recording, cause) -> delete(recording))
                .build();
    }

    /**
     * Starts recording a meeting's mix.
     *
     * @return false when a recording of that name is running already
     * @throws IllegalArgumentException when the name is not a safe file name ({@link RecordingNames})
     */
    public synchronized boolean start(long meetingNumber, String name) {
        if (!RecordingNames.valid(name)) {
            throw new IllegalArgumentException("recording name must match [A-Za-z0-9_-][A-Za-z0-9._-]{0,127}: " + name);
        }
        if (running.containsKey(name)) {
            return false;
        }
        // one file per take, so a finished take of the same name stays downloadable until it is replaced
        Path file = directory.resolve(name + "." + System.currentTimeMillis() + ".wav");
        try {
            running.put(name, new ActiveRecording(name, meetingNumber, file, new WavFile(file), writer));
        } catch (IOException e) {
            throw new UncheckedIOException("recording " + name + " cannot be created at " + file, e);
        }
        snapshot = running.values().toArray(NONE);
        return true;
    }

    /** Finishes a running recording (waits for its file to be written out, a local disk's few milliseconds). */
    public Optional<RecordedAudio> stop(String name) {
        ActiveRecording recording;
        synchronized (this) {
            recording = name == null ? null : running.remove(name);
            if (recording == null) {
                return Optional.empty();
            }
            snapshot = running.values().toArray(NONE);
        }
        try {
            RecordedAudio audio = writer.submit(recording::finish).get(FINISH_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            finished.put(name, audio);
            return Optional.of(audio);
        } catch (ExecutionException e) {
            throw new UncheckedIOException("recording " + name + " could not be finished",
                    e.getCause() instanceof IOException io ? io : new IOException(e.getCause()));
        } catch (TimeoutException e) {
            throw new UncheckedIOException(new IOException("recording " + name + " not finished in " + FINISH_WAIT));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while finishing recording " + name, e);
        }
    }

    /** A finished recording still kept. */
    public Optional<RecordedAudio> finished(String name) {
        return RecordingNames.valid(name) ? Optional.ofNullable(finished.getIfPresent(name)) : Optional.empty();
    }

    /** The running recordings, for the mixer (an array it may read without locking). */
    public ActiveRecording[] running() {
        return snapshot;
    }

    /** Finishes every running recording, so no WAV is left without its sizes; kept files stay for the next run. */
    @Override
    public void close() {
        for (String name : running.keySet().toArray(String[]::new)) {
            try {
                stop(name);
            } catch (RuntimeException e) {
                log.warn("recording {} could not be finished at shutdown", name, e);
            }
        }
        writer.shutdown();
        try {
            writer.awaitTermination(FINISH_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void delete(RecordedAudio recording) {
        if (recording == null) {
            return;
        }
        try {
            Files.deleteIfExists(recording.file());
        } catch (IOException e) {
            log.warn("expired recording {} could not be deleted", recording.file(), e);
        }
    }

    private void deleteOlderThan(Duration retention) {
        Instant cutoff = Instant.now().minus(retention);
        try (DirectoryStream<Path> wavs = Files.newDirectoryStream(directory, "*.wav")) {
            for (Path wav : wavs) {
                if (Files.getLastModifiedTime(wav).toInstant().isBefore(cutoff)) {
                    Files.deleteIfExists(wav);
                }
            }
        } catch (IOException e) {
            log.warn("old recordings in {} could not be cleaned up", directory, e);
        }
    }
}
