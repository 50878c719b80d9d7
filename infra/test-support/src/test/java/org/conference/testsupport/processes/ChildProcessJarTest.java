package org.conference.testsupport.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar}: a service runs from its own jar, as deployed, with none of the test JVM's classes. */
class ChildProcessJarTest {

    @TempDir
    Path directory;

    @Test
    void aJarRunsItsMainClassWithTheArgumentsAndEnvironmentAndWithoutTheTestClasspath() throws IOException {
        Path jar = jarOf(Echo.class);

        try (ChildProcess child = ChildProcess.startJar("echo", jar, List.of("-Xmx32m"), List.of("one", "two"),
                Map.of("ECHO_GREETING", "hello"), directory.resolve("echo.log"))) {
            assertThat(child.waitFor(Duration.ofSeconds(60))).as(child.logTail(20)).isZero();
            assertThat(Files.readString(child.log()))
                    .contains("-jar " + jar)
                    .contains("args=[one, two]")
                    .contains("greeting=hello")
                    .contains("sees the test classpath: false");
        }
    }

    private Path jarOf(Class<?> mainClass) throws IOException {
        Path jar = directory.resolve("echo.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass.getName());
        String entry = mainClass.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
                InputStream classFile = mainClass.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            classFile.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }

    /** The jar's main class: prints what it was given and whether the test's classes are visible to it. */
    public static final class Echo {

        public static void main(String[] args) {
            System.out.println("args=" + Arrays.toString(args));
            System.out.println("greeting=" + System.getenv("ECHO_GREETING"));
            boolean visible;
            try {
                Class.forName("org.conference.testsupport.processes.ChildProcess");
                visible = true;
            } catch (ClassNotFoundException expected) {
                visible = false;
            }
            System.out.println("sees the test classpath: " + visible);
        }

        private Echo() {
        }
    }
}
