package org.conference.localstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts that must not happen, or must end: a taken port, a process that never gets healthy, one that ignores SIGTERM. */
class StartupFailureTest {

    @TempDir
    Path directory;

    @AfterEach
    void killLeftovers() {
        Leftovers.kill(directory.resolve("local"));
    }

    @Test
    void refusesATakenPortUpFrontNamingItAndStartsNothing() throws IOException {
        TestStack stack = new TestStack(directory).withMongo().stub("api-service", 1, Map.of()).write();
        int taken = stack.port("api-service.management-port");
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), taken));

            LauncherRun launcher = stack.start("--no-build");

            assertThat(launcher.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
            assertThat(launcher.output()).contains("port(s) already in use: " + taken + " (api-service management-port)")
                    .contains("nothing was started");
        }
        assertThat(Leftovers.of(stack.home())).isEmpty();
        assertThat(Ports.isFree(stack.port("mongo.port"))).isTrue();
        assertThat(filesIn(stack.home().resolve("logs"))).as("logs of started processes").isEmpty();
        assertThat(filesIn(stack.home().resolve("run"))).as("pid files").isEmpty();
    }

    @Test
    void namesAProcessThatNeverGetsHealthyShowsTheEndOfItsLogAndStopsTheRest() {
        TestStack stack = new TestStack(directory).withMongo()
                .stub("api-service", 1, Map.of())
                .stub("sick-service", 1, Map.of("env.STUB_HEALTH", "DOWN"))
                .env("LOCAL_STACK_START_TIMEOUT", "4").write();

        LauncherRun launcher = stack.start("--no-build");

        assertThat(launcher.awaitExit(Duration.ofSeconds(120))).isEqualTo(1);
        assertThat(launcher.output())
                .contains("sick-service was not up within 4s (no UP from http://127.0.0.1:"
                        + stack.port("sick-service.management-port") + "/actuator/health)")
                .contains("last 40 lines of " + stack.home().resolve("logs/sick-service.log"))
                .contains("stub sick-service serves on " + stack.port("sick-service.port") + " and answers DOWN")
                .contains("services stopped; stopping Kafka and MongoDB")
                .doesNotContain("Local stack ready");
        Leftovers.awaitNone(stack.home());
        Leftovers.awaitFree(stack.allPorts());
    }

    @Test
    void killsWhatIgnoresSigtermOnceTheGracePeriodIsOver() {
        TestStack stack = new TestStack(directory)
                .stub("stubborn-service", 1, Map.of("env.STUB_IGNORE_SIGTERM", "true"))
                .env("LOCAL_STACK_STOP_GRACE", "2").write();
        LauncherRun launcher = stack.start("--no-build");
        launcher.awaitOutput("Press Ctrl-C to stop everything.", Duration.ofSeconds(120));

        launcher.terminate();

        assertThat(launcher.awaitExit(Duration.ofSeconds(60))).isZero();
        assertThat(launcher.output()).contains("received SIGTERM")
                .contains("still running after SIGTERM, sending SIGKILL: stubborn-service")
                .contains("stopped everything");
        assertThat(Leftovers.of(stack.home())).isEmpty();
        assertThat(stack.home().resolve("logs/stubborn-service.log")).content()
                .contains("stub stubborn-service ignores the signal");
    }

    private static Stream<Path> filesIn(Path dir) throws IOException {
        return Files.isDirectory(dir) ? Files.list(dir).toList().stream() : Stream.empty();
    }
}
