package org.conference.localstack.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether the jars and class paths the stack runs are older than the sources they come from: any {@code pom.xml} or
 * file under a {@code src/main} newer than the oldest of them, a missing one, or a class path naming a jar that is no
 * longer in the local Maven repository.
 */
public final class BuildCheck {

    private static final Set<String> NOT_SOURCES = Set.of("target", "node_modules");

    /** The reason to build, or empty when everything is up to date. */
    public static Optional<String> reasonToBuild(Path repo, List<Path> artifacts) {
        FileTime oldest = null;
        for (Path artifact : artifacts) {
            if (!Files.exists(artifact)) {
                return Optional.of("missing " + repo.relativize(artifact));
            }
            if (Files.isRegularFile(artifact)) {
                FileTime modified = modified(artifact);
                oldest = oldest == null || modified.compareTo(oldest) < 0 ? modified : oldest;
            }
            if (artifact.getFileName().toString().endsWith(".classpath")) {
                for (String entry : CommandLines.entriesOf(artifact)) {
                    if (!Files.exists(Path.of(entry))) {
                        return Optional.of("missing " + entry);
                    }
                }
            }
        }
        return oldest == null ? Optional.empty() : newerSource(repo, oldest).map(
                source -> "changed since the last build: " + repo.relativize(source));
    }

    private static Optional<Path> newerSource(Path repo, FileTime than) {
        Path[] found = new Path[1];
        try {
            Files.walkFileTree(repo, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean skipped = !dir.equals(repo) && (name.startsWith(".") || NOT_SOURCES.contains(name));
                    return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    boolean source = file.getFileName().toString().equals("pom.xml")
                            || repo.relativize(file).toString().contains("src/main/");
                    if (source && attributes.lastModifiedTime().compareTo(than) > 0) {
                        found[0] = file;
                        return FileVisitResult.TERMINATE;
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.ofNullable(found[0]);
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private BuildCheck() {
    }
}
