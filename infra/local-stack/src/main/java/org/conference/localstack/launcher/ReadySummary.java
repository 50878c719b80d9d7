package org.conference.localstack.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Optional;
import java.util.List;
import java.util.Locale;

/** The lines printed once every process is up: where everything is, the root admin, and what it cost. */
public final class ReadySummary {

    private final Console console;
    private final StackHome home;
    private final Topology topology;
    private final String host;

    public ReadySummary(Console console, StackHome home, Topology topology, String host) {
        this.console = console;
        this.home = home;
        this.topology = topology;
        this.host = host;
    }

    public List<String> lines(Duration elapsed, List<RunningProcess> processes, Credentials credentials,
            long launcherMib) {
        long mib = ResidentMemory.mibOf(processes.stream().map(process -> process.process().pid()).toList());
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add(console.green(console.bold("Local stack ready")) + " in " + Console.seconds(elapsed) + " ("
                + processes.size() + " processes, " + mib + " MB RSS; the launcher itself " + launcherMib + " MB)");
        publicApi(processes).ifPresent(api -> {
            String entry = api.instance().url(host) + entryPath(api);
            lines.add(label("Gateway (the API):") + console.bold(entry));
            lines.add(label("Root admin:") + "login " + console.bold(credentials.adminLogin()) + "  password "
                    + console.bold(credentials.adminPassword()) + "  (" + credentials.passwordSource() + ")");
            lines.add(label("") + "e.g. curl -u '" + credentials.adminLogin() + ":" + credentials.adminPassword()
                    + "' " + entry + "/subscribers");
        });
        // Services first, as a person looks for them; Kafka and MongoDB last.
        List<RunningProcess> listed = new ArrayList<>(processes);
        listed.sort(Comparator.comparing(process -> process.instance().kind().infrastructure()));
        for (RunningProcess process : listed) {
            Instance instance = process.instance();
            switch (instance.kind()) {
                case SERVICE -> lines.add(label(instance.name()) + instance.url(host) + entryPath(process)
                        + "  health " + instance.healthUrl(host) + "  (log " + home.display(process.log()) + ")");
                case KAFKA -> lines.add(label("Kafka:") + host + ":" + instance.port(PortRole.MAIN) + "   (data "
                        + home.display(home.kafka()) + ", log " + home.display(process.log()) + ")");
                case MONGO -> lines.add(label("MongoDB:") + "mongodb://" + host + ":" + instance.port(PortRole.MAIN)
                        + "   (data " + home.display(home.mongo()) + ", log " + home.display(process.log()) + ")");
            }
        }
        if (credentials.jwtSecretGenerated() && publicApi(processes).isPresent()) {
            lines.add(label("Internal JWT secret:") + "generated for this run (set CONFERENCE_INTERNAL_JWT_SECRET to fix it)");
        }
        lines.add("Press Ctrl-C to stop everything.");
        return lines;
    }

    private Optional<RunningProcess> publicApi(List<RunningProcess> processes) {
        return processes.stream().filter(process -> process.instance().process().equals(topology.publicApi()))
                .findFirst();
    }

    private String entryPath(RunningProcess process) {
        String path = topology.process(process.instance().process()).orElseThrow().entryPath();
        return path == null ? "" : path;
    }

    private static String label(String text) {
        return String.format(Locale.ROOT, "  %-21s", text);
    }
}
