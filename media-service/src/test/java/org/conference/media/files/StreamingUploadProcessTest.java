package org.conference.media.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;
import org.conference.media.support.GeneratedWav;
import org.conference.media.support.MediaProcess;
import org.conference.testsupport.BackingServices;
import org.conference.testsupport.BackingServicesInitializer;
import org.conference.testsupport.TestIdentities;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;

import org.awaitility.Awaitility;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * media-service as its own process with a 128 MiB heap: a 100 MiB upload streams through it into GridFS and back out
 * byte for byte, so it cannot have held the file in memory; and an upload cut short by kill -9 leaves chunks that
 * the next instance's orphan sweep removes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamingUploadProcessTest {

    private static final long HUNDRED_MIB = 100L * 1024 * 1024;
    private static final Pattern HEAP_USED = Pattern.compile("\"value\"\\s*:\\s*([0-9.E]+)");

    private final String database = "media_stream_" + UUID.randomUUID().toString().substring(0, 8);
    private final String sid = "sid" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Path logs;
    private MongoClient mongoClient;
    private MongoDatabase mongo;

    @BeforeAll
    void connect() throws IOException {
        logs = Files.createDirectories(Path.of("target", "process-logs"));
        mongoClient = MongoClients.create(BackingServices.mongo().uri(database));
        mongo = mongoClient.getDatabase(database);
    }

    @AfterAll
    void dropTheDatabase() {
        Mono.from(mongo.drop()).block(Duration.ofSeconds(60));
        mongoClient.close();
    }

    private Map<String, String> environment(Map<String, String> extra) {
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "MONGODB_URI", BackingServices.mongo().uri(database),
                "MONGODB_DATABASE", database,
                "KAFKA_BOOTSTRAP_SERVERS", BackingServices.kafka().bootstrapServers(),
                "CONFERENCE_INTERNAL_JWT_SECRET", BackingServicesInitializer.TEST_JWT_SECRET,
                "CONFERENCE_MEDIA_QUOTA_MAX_BYTES", "1GB"));
        env.putAll(extra);
        return env;
    }

    @Test
    void streamsA100MibUploadThroughA128MibHeapAndSweepsWhatAKilledUploadLeft() throws Exception {
        long peakHeap;
        try (MediaProcess media = MediaProcess.start("media-128m", List.of("-Xms32m", "-Xmx128m"),
                environment(Map.of()), logs)) {
            AtomicLong peak = new AtomicLong();
            // a thread of its own: the sampler blocks on HTTP
            var sampler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleWithFixedDelay(() -> peak.accumulateAndGet(heapUsed(media), Math::max), 0, 200,
                    java.util.concurrent.TimeUnit.MILLISECONDS);
            HttpResponse<String> answer;
            try {
                answer = upload(media, "big.wav", HUNDRED_MIB);
            } finally {
                sampler.shutdownNow();
            }
            peakHeap = peak.get();
            System.out.printf("100 MiB upload at -Xmx128m: peak heap used %.1f MiB%n", peakHeap / 1048576.0);
            assertThat(answer.statusCode()).as(answer.body() + "\n" + media.logTail()).isEqualTo(200);
            assertThat(answer.body()).contains("\"size\":" + HUNDRED_MIB);
            Matcher duration = Pattern.compile("\"duration\":(\\d+)").matcher(answer.body());
            assertThat(duration.find()).isTrue();
            double truth = GeneratedWav.millis(HUNDRED_MIB);
            assertThat(Double.parseDouble(duration.group(1))).isCloseTo(truth, within(truth / 100));
            assertThat(media.isAlive()).isTrue();
            assertThat(peakHeap).as("peak heap while uploading").isPositive().isLessThan(128L * 1024 * 1024);

            assertThat(downloadDigest(media, "big.wav")).isEqualTo(expectedDigest(HUNDRED_MIB));

            // an upload that the process's death cuts short
            CompletableFuture<HttpResponse<String>> cut = CompletableFuture.supplyAsync(() -> {
                try {
                    return upload(media, "cut.wav", HUNDRED_MIB);
                } catch (Exception expected) {
                    return null;
                }
            });
            Awaitility.await("chunks of the second upload").atMost(Duration.ofSeconds(120))
                    .until(() -> chunksOfUnfinishedUploads() > 0);
            media.kill();
            cut.join();
        }
        assertThat(chunksOfUnfinishedUploads()).isPositive();

        try (MediaProcess next = MediaProcess.start("media-after-kill", List.of("-Xms32m", "-Xmx128m"),
                environment(Map.of("CONFERENCE_MEDIA_ORPHAN_GRACE", "PT1S",
                        "CONFERENCE_MEDIA_ORPHAN_SWEEP_INTERVAL", "PT1S")), logs)) {
            Awaitility.await("orphans swept").atMost(Duration.ofSeconds(60))
                    .until(() -> chunksOfUnfinishedUploads() == 0);
            // the finished file is untouched
            assertThat(downloadDigest(next, "big.wav")).isEqualTo(expectedDigest(HUNDRED_MIB));
            assertThat(Mono.from(mongo.getCollection("content.files").countDocuments()).block()).isEqualTo(1);
        }
    }

    private HttpResponse<String> upload(MediaProcess media, String name, long bytes) throws Exception {
        GeneratedWav.Multipart multipart = GeneratedWav.Multipart.forFile("file", name);
        HttpRequest request = HttpRequest.newBuilder(URI.create(media.baseUrl() + "/conference/v1/subscribers/"
                        + sid + "/files"))
                .header(TestIdentities.HEADER, TestIdentities.subscriber(sid, 3, List.of(sid)))
                .header("Content-Type", "multipart/form-data; boundary=" + multipart.boundary())
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                        () -> multipart.body(GeneratedWav.stream(bytes))), multipart.length(bytes)))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private byte[] downloadDigest(MediaProcess media, String name) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(media.baseUrl() + "/storage/subscribers/" + sid
                        + "/" + name))
                .header(TestIdentities.HEADER, TestIdentities.subscriber(sid, 3, List.of(sid)))
                .timeout(Duration.ofMinutes(5)).GET().build();
        HttpResponse<InputStream> answer = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(answer.statusCode()).isEqualTo(200);
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = answer.body()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return digest.digest();
    }

    private static byte[] expectedDigest(long bytes) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = GeneratedWav.stream(bytes)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return digest.digest();
    }

    private long heapUsed(MediaProcess media) {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(media.managementUrl()
                            + "/actuator/metrics/jvm.memory.used?tag=area:heap")).timeout(Duration.ofSeconds(5))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            Matcher value = HEAP_USED.matcher(answer.body());
            return value.find() ? (long) Double.parseDouble(value.group(1)) : 0;
        } catch (IOException | InterruptedException | RuntimeException e) {
            return 0;
        }
    }

    /** Chunks whose upload never finished: no files document has their id. */
    private long chunksOfUnfinishedUploads() {
        List<Object> finished = Flux.from(mongo.getCollection("content.files").find()).map(files -> files.get("_id"))
                .collectList().block();
        return Mono.from(mongo.getCollection("content.chunks")
                .countDocuments(new Document("files_id", new Document("$nin", finished)))).block();
    }
}
