package org.conference.bench.media;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.conference.common.identity.Identity;
import org.conference.common.identity.InternalJwt;
import org.conference.common.identity.Role;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 12's benchmark: upload and download throughput (MiB/s) of one file (default 50 MiB) through the gateway and
 * straight to media-service, side by side in one run, and media-service's peak heap while it takes an upload (its
 * {@code jvm.memory.used{area=heap}} on the management port, polled every 100 ms). Against a running local stack,
 * loopback only; it deletes what it uploaded.
 *
 * <p>Straight to the service there is no gateway to vouch for the caller, so the driver signs the identity token
 * itself: it needs the stack's {@code CONFERENCE_INTERNAL_JWT_SECRET} (start the stack with it set).
 *
 * <p>Usage: {@code FileTransferBench [--size-mib=50] [--rounds=3] [--gateway=URL] [--media=URL]
 * [--media-management=URL] [--login=L] [--password=P] [--jwt-secret=S]}. Exit status 0 when every transfer
 * succeeded, 1 otherwise, 2 for bad arguments.
 */
public final class FileTransferBench {

    private static final double MIB = 1024 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, String> settings;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI gateway;
    private final URI media;
    private final URI management;
    private final String basic;
    private final InternalJwt jwt;
    private final long bytes;
    private String sid;

    private FileTransferBench(Map<String, String> settings) {
        this.settings = settings;
        this.gateway = URI.create(settings.get("gateway"));
        this.media = URI.create(settings.get("media"));
        this.management = URI.create(settings.get("media-management"));
        this.basic = "Basic " + Base64.getEncoder().encodeToString((settings.get("login") + ":"
                + settings.get("password")).getBytes(StandardCharsets.UTF_8));
        this.jwt = new InternalJwt(settings.get("jwt-secret"));
        this.bytes = Long.parseLong(settings.get("size-mib")) * 1024 * 1024;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> settings;
        try {
            settings = settings(args, System.getenv());
        } catch (IllegalArgumentException wrong) {
            System.err.println(wrong.getMessage());
            System.exit(2);
            return;
        }
        System.exit(new FileTransferBench(settings).run() ? 0 : 1);
    }

    static Map<String, String> settings(String[] args, Map<String, String> env) throws IOException {
        Map<String, String> settings = new HashMap<>();
        settings.put("gateway", env.getOrDefault("BENCH_GATEWAY_URL", "http://127.0.0.1:8080"));
        settings.put("media", env.getOrDefault("BENCH_MEDIA_URL", "http://127.0.0.1:8083"));
        settings.put("media-management", env.getOrDefault("BENCH_MEDIA_MANAGEMENT_URL", "http://127.0.0.1:9083"));
        settings.put("login", env.getOrDefault("CONFERENCE_ADMIN_LOGIN", "admin"));
        Path passwordFile = Path.of(".local", "admin-password");
        String password = env.get("CONFERENCE_ADMIN_PASSWORD");
        if (password == null && Files.isReadable(passwordFile)) {
            password = Files.readString(passwordFile).trim();
        }
        settings.put("password", password);
        settings.put("jwt-secret", env.get("CONFERENCE_INTERNAL_JWT_SECRET"));
        settings.put("size-mib", "50");
        settings.put("rounds", "3");
        for (String arg : args) {
            int equals = arg.indexOf('=');
            String key = equals < 0 || !arg.startsWith("--") ? null : arg.substring(2, equals);
            if (key == null || !settings.containsKey(key)) {
                throw new IllegalArgumentException("unknown argument " + arg + "; known: --" + String.join("=, --",
                        settings.keySet()) + "=");
            }
            settings.put(key, arg.substring(equals + 1));
        }
        for (String required : List.of("password", "jwt-secret")) {
            if (settings.get(required) == null || settings.get(required).isBlank()) {
                throw new IllegalArgumentException("--" + required + " is required (see infra/bench/README.md)");
            }
        }
        long size = Long.parseLong(settings.get("size-mib"));
        int rounds = Integer.parseInt(settings.get("rounds"));
        if (size < 1 || size > 100 || rounds < 1 || rounds > 20) {
            throw new IllegalArgumentException("--size-mib must be 1..100 and --rounds 1..20");
        }
        return settings;
    }

    private record Transfer(String path, String direction, double seconds, long bytes, long peakHeap) {

        double mibPerSecond() {
            return bytes / MIB / seconds;
        }
    }

    private boolean run() throws Exception {
        sid = adminSid();
        int rounds = Integer.parseInt(settings.get("rounds"));
        List<Transfer> transfers = new ArrayList<>();
        List<String> uploaded = new ArrayList<>();
        boolean ok = true;
        try {
            for (int round = 1; round <= rounds; round++) {
                for (String path : List.of("gateway", "direct")) {
                    String name = "bench-" + path + "-" + round + ".wav";
                    Transfer up = upload(path, name);
                    uploaded.add(name);
                    transfers.add(up);
                    transfers.add(download(path, name));
                }
            }
        } catch (IOException | IllegalStateException failed) {
            System.out.println("FAILED: " + failed.getMessage());
            ok = false;
        } finally {
            for (String name : uploaded) {
                send(request("direct", "/conference/v1/subscribers/" + sid + "/files/" + name).DELETE().build(),
                        HttpResponse.BodyHandlers.discarding());
            }
        }
        System.out.print(report(transfers, rounds));
        return ok;
    }

    private String adminSid() throws Exception {
        String login = settings.get("login");
        String query = "/conference/v1/subscribers?include_fields=sid,login&limit=1&filter="
                + java.net.URLEncoder.encode("login eq '" + login + "'", StandardCharsets.UTF_8).replace("+", "%20");
        HttpResponse<String> answer = send(request("gateway", query).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode found = JSON.readTree(answer.body()).path("subscribers").path(0).path("sid");
        if (answer.statusCode() != 200 || found.isMissingNode()) {
            throw new IllegalStateException("cannot find subscriber " + login + " through the gateway: "
                    + answer.statusCode() + " " + answer.body());
        }
        return found.asString();
    }

    private Transfer upload(String path, String name) throws Exception {
        GeneratedWav wav = new GeneratedWav(bytes, name);
        HttpRequest request = request(path, "/conference/v1/subscribers/" + sid + "/files")
                .header("Content-Type", wav.contentType())
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(wav::body),
                        wav.bodyLength()))
                .build();
        AtomicLong peak = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleWithFixedDelay(() -> peak.accumulateAndGet(heapUsed(), Math::max), 0, 100,
                TimeUnit.MILLISECONDS);
        long start = System.nanoTime();
        HttpResponse<String> answer;
        try {
            answer = send(request, HttpResponse.BodyHandlers.ofString());
        } finally {
            sampler.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("upload " + path + " answered " + answer.statusCode() + " "
                    + answer.body());
        }
        return new Transfer(path, "upload", seconds, bytes, peak.get());
    }

    private Transfer download(String path, String name) throws Exception {
        HttpRequest request = request(path, "/storage/subscribers/" + sid + "/" + name).GET().build();
        long start = System.nanoTime();
        HttpResponse<InputStream> answer = send(request, HttpResponse.BodyHandlers.ofInputStream());
        long received = 0;
        try (InputStream body = answer.body()) {
            byte[] buffer = new byte[256 * 1024];
            for (int n; (n = body.read(buffer)) > 0; ) {
                received += n;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (answer.statusCode() != 200 || received != bytes) {
            throw new IllegalStateException("download " + path + " answered " + answer.statusCode() + " with "
                    + received + " bytes");
        }
        return new Transfer(path, "download", seconds, received, 0);
    }

    /** Through the gateway with Basic credentials, or straight to the service with a token signed here. */
    private HttpRequest.Builder request(String path, String pathAndQuery) {
        boolean direct = "direct".equals(path);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create((direct ? media : gateway) + pathAndQuery))
                .timeout(Duration.ofMinutes(5));
        return direct ? builder.header(InternalJwt.HEADER, jwt.mint(new Identity(sid, Role.ADMINISTRATOR,
                List.of(sid)))) : builder.header("Authorization", basic);
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) throws IOException {
        try {
            return http.send(request, body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private long heapUsed() {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(management
                            + "/actuator/metrics/jvm.memory.used?tag=area:heap")).timeout(Duration.ofSeconds(2)).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            return (long) JSON.readTree(answer.body()).path("measurements").path(0).path("value").asDouble(0);
        } catch (IOException | InterruptedException | RuntimeException e) {
            return 0;
        }
    }

    private String report(List<Transfer> transfers, int rounds) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "File transfer: %d MiB, %d round(s); media-service %s, gateway %s%n", bytes / (1024 * 1024), rounds,
                media, gateway));
        out.append(String.format(Locale.ROOT, "%-9s %-8s %8s %12s %12s %16s%n", "direction", "path", "runs",
                "median MiB/s", "best MiB/s", "peak heap (MiB)"));
        for (String direction : List.of("upload", "download")) {
            for (String path : List.of("gateway", "direct")) {
                List<Transfer> runs = transfers.stream()
                        .filter(t -> t.direction().equals(direction) && t.path().equals(path)).toList();
                if (runs.isEmpty()) {
                    continue;
                }
                double[] rates = runs.stream().mapToDouble(Transfer::mibPerSecond).sorted().toArray();
                long peak = runs.stream().mapToLong(Transfer::peakHeap).max().orElse(0);
                out.append(String.format(Locale.ROOT, "%-9s %-8s %8d %12.1f %12.1f %16s%n", direction, path,
                        runs.size(), rates[rates.length / 2], rates[rates.length - 1],
                        direction.equals("upload") ? String.format(Locale.ROOT, "%.1f", peak / MIB) : "-"));
            }
        }
        return out.toString();
    }
}
