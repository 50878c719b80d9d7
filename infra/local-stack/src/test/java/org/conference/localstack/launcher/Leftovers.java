package org.conference.localstack.launcher;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Processes of a test stack still alive, found by the stack's home marker on their command lines (not pid files). */
final class Leftovers {

    static List<ProcessHandle> of(Path home) {
        String marker = "-Dconference.localstack.home=" + home + " ";
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info().commandLine().map(line -> (line + " ").contains(marker)).orElse(false))
                .toList();
    }

    static void awaitNone(Path home) {
        await("no process of the stack left").atMost(Duration.ofSeconds(60)).until(() -> of(home).isEmpty());
    }

    static void awaitFree(List<Integer> ports) {
        await("ports " + ports + " free").atMost(Duration.ofSeconds(30))
                .until(() -> ports.stream().allMatch(Ports::isFree));
    }

    /** After a test, whatever it left: so that a failed test does not leave JVMs behind for the next ones. */
    static void kill(Path home) {
        of(home).forEach(ProcessHandle::destroyForcibly);
    }

    private Leftovers() {
    }
}
