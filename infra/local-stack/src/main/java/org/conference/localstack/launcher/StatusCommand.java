package org.conference.localstack.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code --status}: every process of the running stack with its pid, ports, health and memory. */
public final class StatusCommand {

    private final StackHome home;
    private final Console console;

    public StatusCommand(StackHome home, Console console) {
        this.home = home;
        this.console = console;
    }

    /** @return 0 when a process of the stack runs, 1 when none does */
    public int run() {
        Optional<StackManifest> manifest = StackManifest.read(home.manifest());
        List<String> names = new ArrayList<>(manifest.map(m -> m.instances().stream().map(Instance::name).toList())
                .orElse(List.of()));
        home.processesWithPidFiles().stream().filter(name -> !names.contains(name)).forEach(names::add);
        HealthCheck health = new HealthCheck(manifest.map(StackManifest::host).orElse("127.0.0.1"));
        long totalKib = 0;
        int running = 0;
        StackProcesses.launcher(home).ifPresent(launcher -> console.line(
                String.format(Locale.ROOT, "  %-22s pid %-8d", "launcher", launcher.pid())));
        for (String name : names) {
            Optional<ProcessHandle> handle = StackProcesses.find(home, name);
            if (handle.isEmpty()) {
                continue;
            }
            running++;
            long kib = ResidentMemory.kibOf(handle.get().pid());
            totalKib += kib;
            Optional<Instance> instance = manifest.flatMap(m -> m.instance(name));
            console.line(String.format(Locale.ROOT, "  %-22s pid %-8d port %-12s %-26s RSS %5d MB", name,
                    handle.get().pid(), instance.map(Instance::portList).orElse("?"),
                    instance.map(health::describe).orElse("?"), kib / 1024));
        }
        if (running == 0) {
            console.line("No local stack process is running.");
            return 1;
        }
        console.line(String.format(Locale.ROOT, "  %-22s %-57s RSS %5d MB", "total", running + " processes",
                totalKib / 1024));
        return 0;
    }
}
