package org.conference.localstack.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starting the stack: checks everything that can be checked before anything runs (topology, ports, build), then starts
 * the waves, waits for each to be up, prints the summary and keeps the stack running until a signal or until one of
 * its processes ends; whatever happens, it stops what it started.
 */
public final class StartCommand {

    private static final int PARALLEL_STARTS = 2;
    private static final Duration POLL = Duration.ofMillis(250);

    /** Ends the start or the run; the reason has already been told. */
    private static final class Abort extends RuntimeException {
        private final int status;

        Abort(int status) {
            super(null, null, false, false);
            this.status = status;
        }
    }

    private final LauncherSettings settings;
    private final LaunchOptions options;
    private final StackHome home;
    private final Console console;

    public StartCommand(LauncherSettings settings, LaunchOptions options, StackHome home, Console console) {
        this.settings = settings;
        this.options = options;
        this.home = home;
        this.console = console;
    }

    public int run() {
        Topology topology = TopologyReader.read(settings.topology());
        CommandLines commands = new CommandLines(settings, ProjectVersion.of(settings.repo().resolve("pom.xml")));
        List<ProcessDefinition> processes = included(topology, commands);
        checkScale(processes);
        StackPlan plan = new PortPlanner(settings.environment(), Ports::freePort).plan(processes, options.scale());
        home.create();
        StackProcesses.launcher(home).ifPresent(launcher -> {
            throw new LaunchException("a local stack is already running (launcher pid " + launcher.pid()
                    + "); stop it with Ctrl-C or 'infra/local-stack/run.sh --stop'");
        });
        refuseTakenPorts(plan);
        if (options.build()) {
            List<Path> artifacts = processes.stream().flatMap(p -> commands.artifacts(p).stream())
                    .toList();
            BuildCheck.reasonToBuild(settings.repo(), artifacts).ifPresentOrElse(
                    reason -> new MavenBuild(home, console).run(reason),
                    () -> console.say("jars are up to date (no build needed)"));
        }
        List<ProcessDefinition> built = withoutUnbuiltOptional(processes, commands);
        StackPlan runnable = new StackPlan(plan.instances().stream()
                .filter(i -> built.stream().anyMatch(p -> p.name().equals(i.process()))).toList());
        Credentials credentials = Credentials.resolve(settings.environment(), home.root().resolve("admin-password"),
                home.display(home.root().resolve("admin-password")));
        return runStack(topology, commands, runnable, credentials);
    }

    private int runStack(Topology topology, CommandLines commands, StackPlan plan, Credentials credentials) {
        Supervisor supervisor = new Supervisor(home, console, settings.stopGrace());
        SignalTrap.install(supervisor::requestStop);
        // A safety net only: every way out of here below stops the stack itself.
        Runtime.getRuntime().addShutdownHook(new Thread(supervisor::stopAll, "local-stack-stop"));
        try {
            home.writePid(StackHome.LAUNCHER, ProcessHandle.current().pid());
            new StackManifest(settings.host(), plan.instances()).write(home.manifest());
            StackValues values = new StackValues(settings.bind(), settings.host(), home.root().toString(),
                    commands.version(), credentials, plan);
            HealthCheck health = new HealthCheck(settings.host());
            for (List<Instance> batch : StartOrder.batches(plan, topology, PARALLEL_STARTS)) {
                List<RunningProcess> started = new ArrayList<>();
                for (Instance instance : batch) {
                    started.add(start(topology.process(instance.process()).orElseThrow(), instance, commands, values,
                            supervisor));
                }
                awaitUp(started, supervisor, health);
            }
            ReadySummary summary = new ReadySummary(console, home, topology, settings.host());
            summary.lines(console.elapsed(), supervisor.started(), credentials,
                    ResidentMemory.kibOf(ProcessHandle.current().pid()) / 1024).forEach(console::line);
            return supervise(supervisor);
        } catch (Abort abort) {
            return abort.status;
        } catch (IOException e) {
            console.fail("cannot start a process: " + e.getMessage());
            return 1;
        } finally {
            supervisor.stopAll();
            home.deletePid(StackHome.LAUNCHER);
            deleteQuietly(home.manifest());
        }
    }

    private RunningProcess start(ProcessDefinition process, Instance instance, CommandLines commands,
            StackValues values, Supervisor supervisor) throws IOException {
        KafkaBroker.Configuration kafka = null;
        if (process.kind() == ProcessKind.KAFKA) {
            kafka = new KafkaBroker(home, console).prepare(instance, settings.bind(), settings.host(), settings.java(),
                    commands.classpath(process));
        }
        console.say("starting " + instance.name() + " on " + settings.host() + ":" + instance.portList());
        Placeholders.Values own = values.of(instance);
        return supervisor.start(instance, commands.command(process, instance, own, kafka),
                commands.environment(process, own));
    }

    private void awaitUp(List<RunningProcess> batch, Supervisor supervisor, HealthCheck health) {
        List<RunningProcess> pending = new ArrayList<>(batch);
        long deadline = System.nanoTime() + settings.startTimeout().toNanos();
        while (true) {
            for (RunningProcess process : List.copyOf(pending)) {
                if (!process.alive()) {
                    console.fail(process.name() + " exited (status " + process.process().exitValue()
                            + ") before it was up");
                    console.tail(process.log(), home.display(process.log()));
                    throw new Abort(1);
                }
                if (health.isUp(process.instance())) {
                    pending.remove(process);
                }
            }
            if (pending.isEmpty()) {
                console.say("up: " + String.join(", ", batch.stream().map(RunningProcess::name).toList()));
                return;
            }
            if (System.nanoTime() - deadline >= 0) {
                for (RunningProcess process : pending) {
                    console.fail(process.name() + " was not up within " + settings.startTimeout().toSeconds() + "s ("
                            + upMeans(process.instance()) + ")");
                    console.tail(process.log(), home.display(process.log()));
                }
                throw new Abort(1);
            }
            if (supervisor.nextEvent(POLL) instanceof StackEvent.StopRequested stop) {
                console.say("received " + stop.signal());
                throw new Abort(0);
            }
        }
    }

    private int supervise(Supervisor supervisor) {
        while (true) {
            StackEvent event = supervisor.nextEvent(Duration.ofSeconds(5));
            if (event instanceof StackEvent.StopRequested stop) {
                console.line("");
                console.say("received " + stop.signal());
                return 0;
            }
            if (event instanceof StackEvent.ProcessEnded ended) {
                RunningProcess process = ended.process();
                console.fail(process.name() + " exited unexpectedly (status " + process.process().exitValue()
                        + "); stopping the stack");
                console.tail(process.log(), home.display(process.log()));
                return 1;
            }
        }
    }

    private String upMeans(Instance instance) {
        return instance.kind() == ProcessKind.SERVICE ? "no UP from " + instance.healthUrl(settings.host())
                : "not listening on " + settings.host() + ":" + instance.portList();
    }

    private List<ProcessDefinition> included(Topology topology, CommandLines commands) {
        return topology.processes().stream()
                .filter(process -> process.kind().infrastructure() || !options.infraOnly())
                .filter(process -> options.edge().starts(process.edge()))
                .filter(process -> !process.optional() || moduleExists(process)
                        || commands.artifacts(process).stream().allMatch(Files::exists))
                .toList();
    }

    /** An optional process whose module exists is built with the rest, and started if that produced its jar. */
    private boolean moduleExists(ProcessDefinition process) {
        return process.module() != null
                && Files.isRegularFile(settings.repo().resolve(process.module()).resolve("pom.xml"));
    }

    private void checkScale(List<ProcessDefinition> processes) {
        for (Map.Entry<String, Integer> scale : options.scale().entrySet()) {
            boolean service = processes.stream()
                    .anyMatch(p -> p.name().equals(scale.getKey()) && p.kind() == ProcessKind.SERVICE);
            if (!service) {
                throw new LaunchException("--scale: '" + scale.getKey() + "' is not a service of this stack", 2);
            }
        }
    }

    private void refuseTakenPorts(StackPlan plan) {
        List<String> taken = PortPlanner.taken(plan, Ports::isFree);
        if (taken.isEmpty()) {
            return;
        }
        console.fail("port(s) already in use: " + String.join(", ", taken));
        console.fail("see who holds one with: ss -ltnp 'sport = :" + taken.get(0).split(" ")[0] + "'");
        boolean leftovers = home.processesWithPidFiles().stream()
                .anyMatch(name -> StackProcesses.find(home, name).isPresent());
        if (leftovers) {
            console.fail("processes of an earlier local stack are still running (its launcher was killed): "
                    + "stop them with 'infra/local-stack/run.sh --stop'");
        }
        throw new LaunchException("nothing was started; free the port(s) (or set the *_PORT variables) and try again");
    }

    private List<ProcessDefinition> withoutUnbuiltOptional(List<ProcessDefinition> processes, CommandLines commands) {
        List<ProcessDefinition> runnable = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (ProcessDefinition process : processes) {
            List<String> absent = commands.artifacts(process).stream().filter(path -> !Files.exists(path))
                    .map(home::display).toList();
            if (absent.isEmpty()) {
                runnable.add(process);
            } else if (process.optional()) {
                console.warn(process.name() + " is not built (" + String.join(", ", absent) + "): starting without it");
            } else {
                missing.addAll(absent);
            }
        }
        if (!missing.isEmpty()) {
            throw new LaunchException("not built: " + String.join(", ", missing)
                    + " (run without --no-build, or ./mvnw -B -DskipTests package)");
        }
        return runnable;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the next start overwrites it
        }
    }
}
