package org.conference.localstack.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The {@code .local} directory: {@code kafka/} and {@code mongo/} (data, kept across runs), {@code config/} (written on
 * every start), {@code logs/<process>.log} (the previous run's kept as {@code .log.1}), {@code run/} (pid files and the
 * running stack's plan) and {@code admin-password}.
 */
public record StackHome(Path root, Path repo) {

    public static final String LAUNCHER = "launcher";

    public Path logs() {
        return root.resolve("logs");
    }

    public Path run() {
        return root.resolve("run");
    }

    public Path config() {
        return root.resolve("config");
    }

    public Path kafka() {
        return root.resolve("kafka");
    }

    public Path mongo() {
        return root.resolve("mongo");
    }

    public Path log(String process) {
        return logs().resolve(process + ".log");
    }

    public Path pidFile(String process) {
        return run().resolve(process + ".pid");
    }

    public Path manifest() {
        return run().resolve("stack.properties");
    }

    public void create() {
        for (Path dir : List.of(logs(), run(), config(), kafka(), mongo())) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new LaunchException("cannot create " + dir + ": " + e.getMessage());
            }
        }
    }

    /** Moves the last run's log aside as {@code <process>.log.1} and returns the path of the new one. */
    public Path freshLog(String process) throws IOException {
        Path log = log(process);
        if (Files.exists(log)) {
            Files.move(log, logs().resolve(process + ".log.1"), StandardCopyOption.REPLACE_EXISTING);
        }
        return log;
    }

    public void writePid(String process, long pid) throws IOException {
        Files.writeString(pidFile(process), pid + "\n", StandardCharsets.US_ASCII);
    }

    public OptionalLong readPid(String process) {
        try {
            return OptionalLong.of(Long.parseLong(Files.readString(pidFile(process)).strip()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** The processes that have a pid file, the launcher's own excepted. */
    public List<String> processesWithPidFiles() {
        if (!Files.isDirectory(run())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(run())) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".pid"))
                    .map(name -> name.substring(0, name.length() - ".pid".length()))
                    .filter(name -> !name.equals(LAUNCHER)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void deletePid(String process) {
        try {
            Files.deleteIfExists(pidFile(process));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A path as the user should read it: relative to the repository when inside it. */
    public String display(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(repo) ? repo.relativize(absolute).toString() : absolute.toString();
    }
}
