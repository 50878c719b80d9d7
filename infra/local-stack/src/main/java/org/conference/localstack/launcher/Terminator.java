package org.conference.localstack.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Stops processes: SIGTERM, then SIGKILL for whatever still runs after the grace period (or at once when asked to
 * hurry). Works on any {@link ProcessHandle}, the launcher's own children as well as those a killed launcher left.
 */
public final class Terminator {

    /** A process to stop, with the name the messages use. */
    public record Target(String name, ProcessHandle handle) {
    }

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration AFTER_KILL = Duration.ofSeconds(10);

    private final Duration grace;
    private final BooleanSupplier hurry;
    private final Console console;

    /** @param hurry true once the user asked to kill at once (a second Ctrl-C) */
    public Terminator(Duration grace, BooleanSupplier hurry, Console console) {
        this.grace = grace;
        this.hurry = hurry;
        this.console = console;
    }

    /** Returns when every target and every process it had started is gone. */
    public void stop(List<Target> targets) {
        // Children of a target are reparented once it dies and can no longer be found through it: look now.
        List<ProcessHandle> descendants = new ArrayList<>();
        targets.forEach(target -> target.handle().descendants().forEach(descendants::add));
        targets.forEach(target -> target.handle().destroy());
        long deadline = System.nanoTime() + grace.toNanos();
        boolean killed = false;
        List<Target> left = alive(targets);
        while (!left.isEmpty()) {
            if (!killed && (hurry.getAsBoolean() || System.nanoTime() - deadline >= 0)) {
                console.warn("still running after SIGTERM, sending SIGKILL: "
                        + String.join(", ", left.stream().map(Target::name).toList()));
                left.forEach(target -> target.handle().destroyForcibly());
                killed = true;
                deadline = System.nanoTime() + AFTER_KILL.toNanos();
            } else if (killed && System.nanoTime() - deadline >= 0) {
                console.fail("could not stop " + String.join(", ", left.stream()
                        .map(target -> target.name() + " (pid " + target.handle().pid() + ")").toList()));
                break;
            }
            pause();
            left = alive(targets);
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static List<Target> alive(List<Target> targets) {
        return targets.stream().filter(target -> target.handle().isAlive()).toList();
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
