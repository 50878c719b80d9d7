package org.conference.media.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.conference.common.events.SubscriberState;
import org.conference.common.events.Topics;
import org.conference.testsupport.TestIdentities;
import org.conference.testsupport.WithBackingServices;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Drives media-service over HTTP as the gateway would, each request with an identity token, against the test
 * Kafka broker and MongoDB. Every API test class shares this one context (small limits, so limits are cheap to hit);
 * every test makes subscribers of its own, so quotas and lists never meet.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "conference.media.max-file-size=1MB",
        "conference.media.quota.max-files=4",
        "conference.media.quota.max-bytes=1500KB",
        "conference.media.orphans.grace=PT5S",
        "conference.media.orphans.sweep-interval=PT1H",
        "conference.media.recordings.fetch-retries=2",
        "conference.media.recordings.fetch-backoff=PT0.1S",
        "conference.outbox.poll-interval=PT0.2S",
        "conference.metrics.refresh-interval=PT0.5S"})
@WithBackingServices
public abstract class MediaApiTestSupport {

    protected static final String BASE = "/conference/v1";
    /** Where the recording tests run the edge simulator: the one edge base URL the context trusts. */
    protected static final int SIMULATOR_PORT = org.conference.testsupport.processes.FreePorts.next();

    @org.springframework.test.context.DynamicPropertySource
    static void edges(org.springframework.test.context.DynamicPropertyRegistry properties) {
        properties.add("conference.media.edge-base-urls", () -> "http://127.0.0.1:" + SIMULATOR_PORT);
    }

    @Value("${local.server.port}")
    private int port;

    @Autowired
    protected ReactiveMongoTemplate mongo;

    @Autowired
    protected KafkaTemplate<String, Object> kafka;

    @Autowired
    private ConsumerFactory<String, Object> consumers;

    protected WebTestClient http;

    /** A subscriber as the gateway would vouch for it. */
    public record Caller(String sid, int role, List<String> lineage) {
        public String token() {
            return TestIdentities.subscriber(sid, role, lineage);
        }
    }

    /** The API port, for a client other than {@link #http}. */
    protected int port() {
        return port;
    }

    @BeforeEach
    void connect() {
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .responseTimeout(Duration.ofSeconds(60)).build();
    }

    /** A new top-level subscriber of {@code role} (1 administrator, 2 operator, 3 user). */
    protected static Caller subscriber(int role) {
        String sid = "sid" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        return new Caller(sid, role, List.of(sid));
    }

    /** A subscriber below {@code parent}, made known to media-service's read model through the subscribers topic. */
    protected Caller childOf(Caller parent, int role) {
        Caller child = subscriber(role);
        List<String> lineage = new ArrayList<>(parent.lineage());
        lineage.add(child.sid());
        Caller below = new Caller(child.sid(), role, lineage);
        publishSubscriber(below, 1);
        org.awaitility.Awaitility.await("read model has " + below.sid()).atMost(Duration.ofSeconds(30))
                .until(() -> mongo.exists(Query.query(Criteria.where("_id").is(below.sid())), "directorySubscribers")
                        .block());
        return below;
    }

    protected void publishSubscriber(Caller who, long version) {
        SubscriberState state = new SubscriberState(who.sid(), "login-" + who.sid(), who.role(),
                who.lineage().size() > 1 ? who.lineage().get(who.lineage().size() - 2) : null, who.lineage(),
                null, null, null, null, null, null, 0, 0, List.of(), null, version);
        kafka.send(Topics.SUBSCRIBERS, who.sid(), state).join();
    }

    protected WebTestClient.ResponseSpec upload(Caller caller, String sid, String fileName, byte[] bytes) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }).contentType(MediaType.APPLICATION_OCTET_STREAM);
        return http.post().uri(BASE + "/subscribers/{sid}/files", sid)
                .header(TestIdentities.HEADER, caller.token())
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build()))
                .exchange();
    }

    protected Map<?, ?> uploaded(Caller caller, String fileName, byte[] bytes) {
        return upload(caller, caller.sid(), fileName, bytes).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    protected WebTestClient.ResponseSpec get(Caller caller, String path, Object... variables) {
        return http.get().uri(path, variables).header(TestIdentities.HEADER, caller.token()).exchange();
    }

    protected byte[] download(Caller caller, String sid, String name) {
        return get(caller, "/storage/subscribers/{sid}/{name}", sid, name).expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
    }

    protected List<String> listedNames(Caller caller, String sid) {
        Map<?, ?> page = get(caller, BASE + "/subscribers/{sid}/files?limit=100", sid).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((List<?>) page.get("fileDescriptors")).stream().map(file -> (String) ((Map<?, ?>) file).get("name"))
                .toList();
    }

    /** GridFS content stored for {@code sid}: finished uploads, by their metadata. */
    protected long storedContents(String sid) {
        return mongo.count(Query.query(Criteria.where("metadata.subscriberSid").is(sid)), "content.files").block();
    }

    /** Chunks that belong to no finished content: what an interrupted or refused upload would leave. */
    protected Set<ObjectId> chunksWithoutFiles() {
        List<ObjectId> chunkOwners = mongo.findDistinct(new Query(), "files_id", "content.chunks", ObjectId.class)
                .collectList().block();
        List<Object> files = mongo.findDistinct(new Query(), "_id", "content.files", Object.class).collectList()
                .block();
        Set<ObjectId> orphans = new java.util.HashSet<>(chunkOwners);
        files.forEach(orphans::remove);
        return orphans;
    }

    protected Document descriptorDocument(String sid, String name) {
        return mongo.findById(sid + "/" + name, Document.class, "files").block();
    }

    /** A consumer of the media events from now on, for one test. */
    protected Consumer<String, Object> mediaEvents() {
        Properties fromTheEnd = new Properties();
        fromTheEnd.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Consumer<String, Object> consumer = consumers.createConsumer("media-test-" + UUID.randomUUID(), null, null,
                fromTheEnd);
        consumer.subscribe(List.of(Topics.MEDIA_EVENTS));
        return consumer;
    }

    /** The media events of {@code sid} within {@code wait}: at least {@code expected}, and any that follow soon. */
    protected List<Map<?, ?>> eventsOf(Consumer<String, Object> consumer, String sid, int expected, Duration wait) {
        List<Map<?, ?>> seen = new ArrayList<>();
        long deadline = System.nanoTime() + wait.toNanos();
        long settled = Long.MAX_VALUE;
        // once the expected number arrived, a second more shows whether any came twice
        while (System.nanoTime() < Math.min(deadline, settled)) {
            for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(500))) {
                if (sid.equals(record.key()) && record.value() instanceof Map<?, ?> event) {
                    seen.add(event);
                }
            }
            if (seen.size() >= expected && settled == Long.MAX_VALUE) {
                settled = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            }
        }
        assertThat(seen).as("media events of " + sid).hasSizeGreaterThanOrEqualTo(expected);
        return seen;
    }
}
