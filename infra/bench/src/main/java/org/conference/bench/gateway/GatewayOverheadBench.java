package org.conference.bench.gateway;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * How much the gateway adds to one GET: the same request, in the same run, straight to a stub service and through a
 * real gateway process in front of it (authentication cached, identity token minted, request id, access log, metrics:
 * everything a client's request goes through). Loopback only, bounded in time.
 *
 * <p>Usage: {@code java -cp <bench classpath> org.conference.bench.gateway.GatewayOverheadBench
 * [gateway jar] [seconds per run] [clients,...] [warm-up seconds]}; defaults
 * {@code gateway-service/target/gateway-service-*.jar}, 10 s, {@code 1,16}, 30 s (the JIT needs tens of thousands
 * of requests before the gateway runs at its steady speed).
 */
public final class GatewayOverheadBench {

    private static final String AUTHORIZATION = "Basic "
            + Base64.getEncoder().encodeToString("bench:bench-password".getBytes(StandardCharsets.UTF_8));

    public static void main(String[] args) throws Exception {
        Path jar = args.length > 0 ? Path.of(args[0]) : defaultJar();
        Duration perRun = Duration.ofSeconds(args.length > 1 ? Integer.parseInt(args[1]) : 10);
        List<Integer> concurrency = new ArrayList<>();
        for (String clients : (args.length > 2 ? args[2] : "1,16").split(",")) {
            concurrency.add(Integer.parseInt(clients.strip()));
        }
        Duration warmUp = Duration.ofSeconds(args.length > 3 ? Integer.parseInt(args[3]) : 30);
        Path log = Files.createTempFile("gateway-bench", ".log");
        ConnectionProvider connections = ConnectionProvider.builder("bench").maxConnections(256).build();
        HttpClient http = HttpClient.create(connections);
        LoadRun load = new LoadRun(http, AUTHORIZATION);
        List<LoadRun.Result> results = new ArrayList<>();
        try (StubBackend backend = new StubBackend();
                GatewayProcess gateway = GatewayProcess.start(jar, backend.baseUrl(), log, Duration.ofSeconds(120))) {
            String direct = backend.baseUrl() + StubBackend.PATH;
            String viaGateway = gateway.baseUrl() + StubBackend.PATH;
            System.out.printf("gateway log: %s%nwarming up (JIT) for %d s%n", log, warmUp.toSeconds());
            load.run("direct", direct, 8, warmUp.dividedBy(3));
            load.run("gateway", viaGateway, 8, warmUp.minus(warmUp.dividedBy(3)));
            for (int clients : concurrency) {
                results.add(load.run("direct", direct, clients, perRun));
                results.add(load.run("gateway", viaGateway, clients, perRun));
            }
        } finally {
            connections.disposeLater().block(Duration.ofSeconds(5));
        }
        System.out.println(report(results));
    }

    private static Path defaultJar() throws java.io.IOException {
        try (var candidates = Files.list(Path.of("gateway-service", "target"))) {
            return candidates.filter(path -> path.getFileName().toString().matches("gateway-service-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "build the gateway first: mvn -pl gateway-service package -DskipTests"));
        }
    }

    static String report(List<LoadRun.Result> results) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%n| clients | path | requests | errors | throughput (req/s) | median (us) | p99 (us) |%n"
                        + "|---|---|---|---|---|---|---|%n"));
        for (LoadRun.Result r : results) {
            out.append(String.format(Locale.ROOT, "| %d | %s | %d | %d | %.0f | %d | %d |%n", r.clients(), r.target(),
                    r.latenciesMicros().length, r.errors(), r.throughput(), r.percentileMicros(50),
                    r.percentileMicros(99)));
        }
        for (int i = 0; i + 1 < results.size(); i += 2) {
            LoadRun.Result direct = results.get(i);
            LoadRun.Result gateway = results.get(i + 1);
            long added = gateway.percentileMicros(50) - direct.percentileMicros(50);
            out.append(String.format(Locale.ROOT,
                    "%n%d client(s): gateway/direct median %.2f (adds %d us), p99 %.2f, throughput %.2f",
                    direct.clients(), ratio(gateway.percentileMicros(50), direct.percentileMicros(50)), added,
                    ratio(gateway.percentileMicros(99), direct.percentileMicros(99)),
                    gateway.throughput() / direct.throughput()));
        }
        return out.toString();
    }

    private static double ratio(long a, long b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }

    private GatewayOverheadBench() {
    }
}
