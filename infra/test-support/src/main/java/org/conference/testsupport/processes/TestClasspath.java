package org.conference.testsupport.processes;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The classpath of this test JVM, to start a child JVM with the same classes (a service's main class, the Kafka
 * broker that spring-kafka-test brings along). Surefire starts its forks with a single "booter" jar whose manifest
 * lists the real entries; those are expanded, so the child does not depend on that temporary jar.
 */
public final class TestClasspath {

    public static String current() {
        String classpath = System.getProperty("java.class.path");
        String[] entries = classpath.split(File.pathSeparator);
        if (entries.length == 1 && entries[0].endsWith(".jar")) {
            List<String> listed = manifestClassPath(Path.of(entries[0]));
            if (!listed.isEmpty()) {
                return String.join(File.pathSeparator, listed);
            }
        }
        return classpath;
    }

    private static List<String> manifestClassPath(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String listed = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            List<String> paths = new ArrayList<>();
            if (listed != null) {
                for (String entry : listed.trim().split("\\s+")) {
                    paths.add(Path.of(jar.getParent().toUri().resolve(URI.create(entry))).toString());
                }
            }
            return paths;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the class path of " + jar, e);
        }
    }

    private TestClasspath() {
    }
}
