package org.conference.localstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildCheckTest {

    private static final FileTime BUILT = FileTime.from(Instant.parse("2026-01-01T12:00:00Z"));
    private static final FileTime BEFORE = FileTime.from(Instant.parse("2026-01-01T11:00:00Z"));
    private static final FileTime AFTER = FileTime.from(Instant.parse("2026-01-01T13:00:00Z"));

    @TempDir
    Path repo;

    private Path jar;
    private Path classpathFile;

    @BeforeEach
    void aBuiltRepository() throws Exception {
        file("pom.xml", BEFORE);
        file("svc/pom.xml", BEFORE);
        file("svc/src/main/java/Svc.java", BEFORE);
        Path dependency = file("m2/dep.jar", BEFORE);
        jar = file("svc/target/svc-1.jar", BUILT);
        classpathFile = file("infra/target/x.classpath", BUILT);
        Files.writeString(classpathFile, dependency.toString());
        Files.setLastModifiedTime(classpathFile, BUILT);
    }

    @Test
    void upToDateWhenEveryArtifactIsNewerThanEverySource() throws Exception {
        file("svc/src/test/java/SvcTest.java", AFTER);
        file("svc/target/generated-sources/src/main/Generated.java", AFTER);
        file(".local/src/main/not-a-source", AFTER);

        assertThat(BuildCheck.reasonToBuild(repo, List.of(jar, classpathFile))).isEmpty();
    }

    @Test
    void aChangedMainSourceOrPomNeedsABuild() throws Exception {
        file("svc/src/main/resources/application.yml", AFTER);

        assertThat(BuildCheck.reasonToBuild(repo, List.of(jar, classpathFile)))
                .contains("changed since the last build: svc/src/main/resources/application.yml");
    }

    @Test
    void aMissingArtifactOrClassPathEntryNeedsABuild() throws Exception {
        assertThat(BuildCheck.reasonToBuild(repo, List.of(jar, repo.resolve("other/target/other-1.jar"))))
                .contains("missing other/target/other-1.jar");
        Files.delete(repo.resolve("m2/dep.jar"));
        assertThat(BuildCheck.reasonToBuild(repo, List.of(jar, classpathFile)))
                .contains("missing " + repo.resolve("m2/dep.jar"));
    }

    private Path file(String path, FileTime modified) throws Exception {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, path);
        Files.setLastModifiedTime(file, modified);
        return file;
    }
}
