package org.conference.localstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The launcher run as its own process, as run.sh runs it, with its output in a file. */
final class LauncherRun {

    private final Process process;
    private final Path output;

    private LauncherRun(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    static LauncherRun start(TestStack stack, Path output, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx32m",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-D" + Launcher.REPO_PROPERTY + "=" + TestStack.REPO,
                "-cp", TestStack.MODULE.resolve("target/classes").toString(), Launcher.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().putAll(stack.environment());
        try {
            return new LauncherRun(builder.start(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String output() {
        try {
            return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the launcher prints {@code text}; fails early, with its output, when it exits first. */
    void awaitOutput(String text, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!process.isAlive() && !output().contains(text)) {
                throw new AssertionError("the launcher exited (" + process.exitValue() + ") before printing '"
                        + text + "':\n" + output());
            }
            return output().contains(text);
        });
    }

    int awaitExit(Duration within) {
        try {
            boolean exited = process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(exited).as("the launcher exited within %s; its output:%n%s", within, output()).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    void terminate() {
        process.destroy();
    }

    void kill() {
        process.destroyForcibly();
    }

    boolean alive() {
        return process.isAlive();
    }
}
