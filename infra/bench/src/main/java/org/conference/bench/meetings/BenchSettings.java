package org.conference.bench.meetings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one dial-in run is told: where the platform is, who provisions, how many callers. Each setting comes from its
 * {@code --name=value} argument, else its environment variable, else its default.
 *
 * @param pollInterval   the pause between the starts of two join polls: the resolution of the latencies
 * @param joinTimeout    how long the run waits for every caller to show as joined before it gives up and reports
 * @param dtmfPerSecond  0: every code is keyed as fast as {@code concurrency} allows (the storm of issue 10);
 *                       otherwise codes are keyed at this steady rate, which shows the latency without a queue
 */
record BenchSettings(URI gateway, URI simulator, String login, String password, int callers, int concurrency,
        Duration pollInterval, Duration joinTimeout, int dtmfPerSecond) {

    static final String USAGE = """
            Usage: DialInBench [--gateway=URL] [--simulator=URL] [--login=LOGIN] [--password=PASSWORD]
                               [--callers=N] [--concurrency=C] [--poll-interval-ms=MS] [--join-timeout-s=S]
                               [--dtmf-per-second=R]
              --gateway           BENCH_GATEWAY_URL          default http://127.0.0.1:8080
              --simulator         BENCH_SIMULATOR_URL        default http://127.0.0.1:8095
              --login             CONFERENCE_ADMIN_LOGIN     default admin
              --password          CONFERENCE_ADMIN_PASSWORD  default: the content of .local/admin-password
              --callers           BENCH_CALLERS              default 1000 (1..10000)
              --concurrency       BENCH_CONCURRENCY          default 32 requests in flight (1..256)
              --poll-interval-ms  BENCH_POLL_INTERVAL_MS     default 25 (5..1000)
              --join-timeout-s    BENCH_JOIN_TIMEOUT_S       default 120 (1..600)
              --dtmf-per-second   BENCH_DTMF_PER_SECOND      default 0: all codes at once; else a steady rate
            Both URLs must name this machine (loopback): the bench loads what it points at.""";

    private static final Map<String, String> ENVIRONMENT = Map.of(
            "gateway", "BENCH_GATEWAY_URL",
            "simulator", "BENCH_SIMULATOR_URL",
            "login", "CONFERENCE_ADMIN_LOGIN",
            "password", "CONFERENCE_ADMIN_PASSWORD",
            "callers", "BENCH_CALLERS",
            "concurrency", "BENCH_CONCURRENCY",
            "poll-interval-ms", "BENCH_POLL_INTERVAL_MS",
            "join-timeout-s", "BENCH_JOIN_TIMEOUT_S",
            "dtmf-per-second", "BENCH_DTMF_PER_SECOND");

    /**
     * @param passwordFile read when neither argument nor environment gives a password: the local stack's generated one
     * @throws IllegalArgumentException naming the setting that is unknown, missing or out of range
     */
    static BenchSettings from(String[] args, Map<String, String> environment, Path passwordFile) {
        Map<String, String> given = arguments(args);
        for (Map.Entry<String, String> variable : ENVIRONMENT.entrySet()) {
            String value = environment.get(variable.getValue());
            if (value != null && !value.isBlank()) {
                given.putIfAbsent(variable.getKey(), value.strip());
            }
        }
        String password = given.get("password");
        if (password == null) {
            password = readPassword(passwordFile);
        }
        return new BenchSettings(
                loopbackUrl("gateway", given.getOrDefault("gateway", "http://127.0.0.1:8080")),
                loopbackUrl("simulator", given.getOrDefault("simulator", "http://127.0.0.1:8095")),
                given.getOrDefault("login", "admin"), password,
                bounded(given, "callers", 1000, 1, 10_000),
                bounded(given, "concurrency", 32, 1, 256),
                Duration.ofMillis(bounded(given, "poll-interval-ms", 25, 5, 1000)),
                Duration.ofSeconds(bounded(given, "join-timeout-s", 120, 1, 600)),
                bounded(given, "dtmf-per-second", 0, 0, 10_000));
    }

    private static Map<String, String> arguments(String[] args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            String name = arg.startsWith("--") && equals > 2 ? arg.substring(2, equals) : null;
            if (name == null || !ENVIRONMENT.containsKey(name)) {
                throw new IllegalArgumentException("unknown argument " + arg);
            }
            given.put(name, arg.substring(equals + 1));
        }
        return given;
    }

    private static String readPassword(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no admin password: give --password or CONFERENCE_ADMIN_PASSWORD, or "
                    + "run from the repository root of a local stack (" + file + " does not exist)");
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read " + file, unreadable);
        }
    }

    private static int bounded(Map<String, String> given, String name, int fallback, int min, int max) {
        String text = given.get(name);
        int value;
        try {
            value = text == null ? fallback : Integer.parseInt(text);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(name + " must be an integer, not " + text);
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be " + min + " to " + max + ", not " + value);
        }
        return value;
    }

    /** A base URL on this machine, without a trailing slash. */
    static URI loopbackUrl(String name, String text) {
        URI url;
        try {
            url = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        } catch (IllegalArgumentException malformed) {
            throw new IllegalArgumentException(name + " is not a URL: " + text);
        }
        if (!"http".equals(url.getScheme()) || url.getHost() == null) {
            throw new IllegalArgumentException(name + " must be an http URL with a host, not " + text);
        }
        try {
            if (!InetAddress.getByName(url.getHost()).isLoopbackAddress()) {
                throw new IllegalArgumentException(name + " must be on this machine (loopback), not " + url.getHost());
            }
        } catch (UnknownHostException unknown) {
            throw new IllegalArgumentException(name + ": unknown host " + url.getHost());
        }
        return url;
    }

    /** Everything but the password, which must not reach the output. */
    @Override
    public String toString() {
        return "gateway " + gateway + ", simulator " + simulator + ", login " + login + ", " + callers + " callers, "
                + concurrency + " requests in flight, poll every " + pollInterval.toMillis() + " ms, join timeout "
                + joinTimeout.toSeconds() + " s, codes keyed " + (dtmfPerSecond == 0 ? "all at once"
                        : "at " + dtmfPerSecond + "/s");
    }
}
