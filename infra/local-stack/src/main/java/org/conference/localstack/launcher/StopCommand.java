package org.conference.localstack.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code --stop}: stops the processes the pid files in {@code .local/run} name, e.g. after the launcher was killed
 * with SIGKILL (its children run in sessions of their own, so they outlive it). Services go first, then Kafka and
 * MongoDB. A launcher that still runs is asked to stop its stack itself.
 */
public final class StopCommand {

    private final StackHome home;
    private final Console console;
    private final Duration grace;

    public StopCommand(StackHome home, Console console, Duration grace) {
        this.home = home;
        this.console = console;
        this.grace = grace;
    }

    public int run() {
        StackProcesses.launcher(home).ifPresent(this::stopLauncher);
        Optional<StackManifest> manifest = StackManifest.read(home.manifest());
        List<Terminator.Target> services = new ArrayList<>();
        List<Terminator.Target> infrastructure = new ArrayList<>();
        for (String name : home.processesWithPidFiles()) {
            StackProcesses.find(home, name).ifPresent(handle -> {
                console.line("stopping " + name + " (pid " + handle.pid() + ")");
                boolean infra = manifest.flatMap(m -> m.instance(name)).map(i -> i.kind().infrastructure())
                        .orElse(false);
                (infra ? infrastructure : services).add(new Terminator.Target(name, handle));
            });
        }
        if (services.isEmpty() && infrastructure.isEmpty()) {
            console.line("Nothing to stop.");
        } else {
            Terminator terminator = new Terminator(grace, () -> false, console);
            terminator.stop(services);
            terminator.stop(infrastructure);
            console.line("stopped " + (services.size() + infrastructure.size()) + " processes");
        }
        home.processesWithPidFiles().forEach(home::deletePid);
        if (StackProcesses.launcher(home).isEmpty()) {
            home.deletePid(StackHome.LAUNCHER);
        }
        try {
            Files.deleteIfExists(home.manifest());
        } catch (IOException e) {
            console.warn("cannot delete " + home.display(home.manifest()) + ": " + e.getMessage());
        }
        return 0;
    }

    private void stopLauncher(ProcessHandle launcher) {
        console.line("the launcher (pid " + launcher.pid() + ") is running: asking it to stop its stack");
        launcher.destroy();
        // It stops services and then infrastructure, each within the grace period, and kills what is left.
        Duration patience = grace.multipliedBy(2).plusSeconds(30);
        try {
            launcher.onExit().get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            console.warn("the launcher did not stop within " + Console.seconds(patience) + ": stopping its processes");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
