package org.conference.bench.meetings;

import java.nio.file.Path;

/**
 * Issue 10's dial-in benchmark: N callers (default 1,000) dial into one meeting through the edge simulator's HTTP
 * API against a running local stack; it reports the time from the first DTMF until all are joined as seen through
 * the gateway, and p50/p90/p99/max from each caller's DTMF to its Call being visible as joined. Loopback only,
 * bounded in callers and time; it removes what it provisioned, so runs can be repeated.
 *
 * <p>Usage: {@code java -cp <bench classpath> org.conference.bench.meetings.DialInBench [--callers=N] ...}; see
 * {@link BenchSettings#USAGE} or {@code --help}. Exit status 0 when every caller joined and the meeting ended
 * cleanly, 1 otherwise, 2 for bad arguments. The goal (all joined within 10 s, p99 under 250 ms) is reported, not
 * enforced.
 */
public final class DialInBench {

    public static void main(String[] args) {
        if (args.length == 1 && ("--help".equals(args[0]) || "-h".equals(args[0]))) {
            System.out.println(BenchSettings.USAGE);
            return;
        }
        BenchSettings settings;
        try {
            settings = BenchSettings.from(args, System.getenv(), Path.of(".local", "admin-password"));
        } catch (IllegalArgumentException wrong) {
            System.err.println(wrong.getMessage());
            System.err.println(BenchSettings.USAGE);
            System.exit(2);
            return;
        }
        DialInReport report = run(settings);
        System.out.print(report.render());
        System.exit(report.complete() ? 0 : 1);
    }

    static DialInReport run(BenchSettings settings) {
        try (PlatformHttp callers = new PlatformHttp("callers", settings.concurrency());
                PlatformHttp watcher = new PlatformHttp("watcher", 1)) {
            Endpoint gateway = Endpoint.gateway(callers, settings.gateway(), settings.login(), settings.password());
            Endpoint simulator = Endpoint.simulator(callers, settings.simulator());
            Endpoint watched = Endpoint.gateway(watcher, settings.gateway(), settings.login(), settings.password());
            return new DialInRun(settings, gateway, simulator, watched).run();
        }
    }

    private DialInBench() {
    }
}
