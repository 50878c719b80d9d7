package org.conference.localstack.launcher;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The processes of one start: starts each in a session of its own (so a Ctrl-C at the terminal reaches only the
 * launcher, which then stops them in order), records its pid, reports its end, and stops them all: services first,
 * then Kafka and MongoDB.
 */
public final class Supervisor {

    private final StackHome home;
    private final Console console;
    private final Duration grace;
    private final List<RunningProcess> started = new CopyOnWriteArrayList<>();
    private final BlockingQueue<StackEvent> events = new LinkedBlockingQueue<>();
    private final AtomicInteger stopRequests = new AtomicInteger();
    private volatile boolean stopping;
    private volatile boolean hurry;

    public Supervisor(StackHome home, Console console, Duration grace) {
        this.home = home;
        this.console = console;
        this.grace = grace;
    }

    /** Runs {@code command} (a {@code java} command line) with stdout and stderr appended to the instance's log. */
    public RunningProcess start(Instance instance, List<String> command, Map<String, String> environment)
            throws IOException {
        Path log = home.freshLog(instance.name());
        String header = "# " + instance.name() + " started " + OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS)
                + "\n# " + String.join(" ", command) + "\n";
        Files.writeString(log, header, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        ProcessBuilder builder = new ProcessBuilder(withOwnSession(command))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        RunningProcess running = new RunningProcess(instance, builder.start(), log);
        started.add(running);
        home.writePid(instance.name(), running.process().pid());
        running.process().onExit().thenRun(() -> {
            if (!stopping) {
                events.add(new StackEvent.ProcessEnded(running));
            }
        });
        return running;
    }

    /** From a signal handler: the first request stops the stack in order, a further one kills at once. */
    public void requestStop(String signal) {
        if (stopping || stopRequests.incrementAndGet() > 1) {
            hurry = true;
            console.warn("received " + signal + " again: killing");
            return;
        }
        events.add(new StackEvent.StopRequested(signal));
    }

    /** The next event, or null when none came within {@code wait}. */
    public StackEvent nextEvent(Duration wait) {
        try {
            return events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new StackEvent.StopRequested("an interrupt");
        }
    }

    public List<RunningProcess> started() {
        return List.copyOf(started);
    }

    /** Stops whatever was started, services first. Idempotent. */
    public synchronized void stopAll() {
        stopping = true;
        if (started.stream().noneMatch(RunningProcess::alive)) {
            started.forEach(process -> home.deletePid(process.name()));
            return;
        }
        long begin = System.nanoTime();
        console.say("stopping (SIGTERM, SIGKILL after " + grace.toSeconds() + "s; Ctrl-C again to kill at once)");
        Terminator terminator = new Terminator(grace, () -> hurry, console);
        List<Terminator.Target> services = targets(false);
        if (!services.isEmpty()) {
            terminator.stop(services);
            console.say("services stopped; stopping Kafka and MongoDB");
        }
        terminator.stop(targets(true));
        started.forEach(process -> home.deletePid(process.name()));
        console.say("stopped everything in " + Console.seconds(Duration.ofNanos(System.nanoTime() - begin)));
    }

    private List<Terminator.Target> targets(boolean infrastructure) {
        return started.stream().filter(process -> process.instance().kind().infrastructure() == infrastructure)
                .map(process -> new Terminator.Target(process.name(), process.process().toHandle())).toList();
    }

    /** {@code setsid} makes the process the leader of a new session; it keeps the pid (it execs in place). */
    private static List<String> withOwnSession(List<String> command) {
        return Stream.concat(Stream.of("setsid"), command.stream()).toList();
    }
}
