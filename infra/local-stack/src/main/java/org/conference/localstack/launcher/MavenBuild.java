package org.conference.localstack.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Builds every jar of the repository with its Maven wrapper; the output goes to {@code .local/logs/build.log}. */
public final class MavenBuild {

    public static final List<String> COMMAND = List.of("./mvnw", "-B", "-q", "-DskipTests", "package");

    private final StackHome home;
    private final Console console;

    public MavenBuild(StackHome home, Console console) {
        this.home = home;
        this.console = console;
    }

    public void run(String reason) {
        Path log = home.logs().resolve("build.log");
        console.say(reason);
        console.say("building: " + String.join(" ", COMMAND) + " (log: " + home.display(log) + ")");
        long begin = System.nanoTime();
        int status;
        try {
            status = new ProcessBuilder(COMMAND).directory(home.repo().toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start().waitFor();
        } catch (IOException e) {
            throw new LaunchException("cannot run the build: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("the build was interrupted");
        }
        if (status != 0) {
            console.tail(log, home.display(log));
            throw new LaunchException("the build failed (full log: " + home.display(log) + ")");
        }
        console.say("build done in " + Console.seconds(Duration.ofNanos(System.nanoTime() - begin)));
    }
}
