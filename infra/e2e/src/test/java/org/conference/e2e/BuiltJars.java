package org.conference.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the services' repackaged Spring Boot jars are: {@code <repository>/<module>/target/<name>-<version>.jar},
 * as the local stack runs them. The build passes the repository root and the version ({@code e2e.repository},
 * {@code e2e.version}); the reactor packages the services before this module's tests run.
 */
record BuiltJars(Path repository, String version) {

    static BuiltJars fromBuild() {
        String repository = System.getProperty("e2e.repository");
        String version = System.getProperty("e2e.version");
        if (repository == null || version == null) {
            throw new IllegalStateException("e2e.repository and e2e.version are not set: run this test with Maven "
                    + "(./mvnw -B -pl infra/e2e -am verify), which sets them");
        }
        return new BuiltJars(Path.of(repository).toAbsolutePath().normalize(), version);
    }

    /** The jar of {@code module} (e.g. {@code infra/edge-simulator}), whose artifact is named {@code name}. */
    Path of(String module, String name) {
        return jar(module, name + "-" + version + ".jar");
    }

    /** The jar of {@code module} whose runnable jar carries {@code classifier} ({@code <name>-<version>-exec.jar}). */
    Path of(String module, String name, String classifier) {
        return jar(module, name + "-" + version + "-" + classifier + ".jar");
    }

    private Path jar(String module, String fileName) {
        Path jar = repository.resolve(module).resolve("target").resolve(fileName);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package " + module
                    + " first (./mvnw -B -pl infra/e2e -am verify builds it)");
        }
        return jar;
    }
}
