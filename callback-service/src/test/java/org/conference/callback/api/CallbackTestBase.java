package org.conference.callback.api;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.conference.testsupport.BackingServices;
import org.conference.testsupport.TestIdentities;
import org.conference.testsupport.WithBackingServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * callback-service in this JVM against the test broker and database, a real receiver on loopback, and an event feed
 * playing provisioning- and meeting-service. Retries come after a second and the attempt timeout is short, so the
 * schedule plays out within a test. Each test uses subscribers, paths and meetings of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "conference.callbacks.allow-private-targets=true",
        "conference.callbacks.retry-schedule=1s,1s",
        "conference.callbacks.jitter=0",
        "conference.callbacks.timeout=1500ms",
        "conference.callbacks.lease=5s",
        "conference.callbacks.poll-interval=100ms",
        "conference.callbacks.held-back-recheck=3s"})
@WithBackingServices
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// every instance reads every subscriber from the shared topic: one left running would also deliver the next test
// class's events, and tests that count sends would see its extra ones
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class CallbackTestBase {

    static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };

    protected final Receiver receiver = new Receiver();
    protected final EventFeed feed = new EventFeed(BackingServices.kafka().bootstrapServers());

    @Autowired
    protected ReactiveMongoTemplate mongo;

    @LocalServerPort
    protected int port;

    protected WebTestClient http;

    /** A subscriber as the read model knows it: its lineage runs from the root down to it. */
    record Subscriber(String sid, int role, List<String> lineage, String url, String secret) {
        String identity() {
            return TestIdentities.subscriber(sid, role, lineage);
        }
    }

    /** A consumer group of its own per context; ${random.uuid} would give each placeholder another one. */
    @DynamicPropertySource
    static void consumerGroup(DynamicPropertyRegistry registry) {
        String group = "callback-test-" + UUID.randomUUID();
        registry.add("conference.callbacks.consumer-group", () -> group);
    }

    @BeforeAll
    void client() {
        http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    @AfterAll
    void closeReceiverAndFeed() {
        receiver.close();
        feed.close();
    }

    /** A subscriber below {@code parent} (null: a root) with a callback to {@code path} on the receiver (null: none). */
    protected Subscriber subscriber(Subscriber parent, int role, String path) {
        return subscriberAt(parent, role, path == null ? null : receiver.url(path));
    }

    /** As {@link #subscriber}, with a callback to any {@code url}. */
    protected Subscriber subscriberAt(Subscriber parent, int role, String url) {
        String sid = EventFeed.newSid();
        List<String> lineage = new ArrayList<>(parent == null ? List.of() : parent.lineage());
        lineage.add(sid);
        String secret = url == null ? null : StandardWebhooks.newSecret();
        feed.subscriber(sid, role, lineage, url, secret, 1);
        await("the read model has " + sid).atMost(Duration.ofSeconds(60))
                .until(() -> mongo.findById(sid, Document.class, "subscriber_callbacks").blockOptional().isPresent());
        return new Subscriber(sid, role, List.copyOf(lineage), url, secret);
    }

    protected Map<String, Object> delivery(Subscriber caller, String id) {
        return http.get().uri("/conference/v1/callbacks/deliveries/{id}", id)
                .header(TestIdentities.HEADER, caller.identity())
                .exchange().expectStatus().isOk().expectBody(OBJECT).returnResult().getResponseBody();
    }

    protected static String deliveryId(String eventId, Map<String, Object> endpoint) {
        return eventId + "." + endpoint.get("id");
    }

    /** The deliveries of one event that {@code caller} sees. */
    @SuppressWarnings("unchecked")
    protected List<Map<String, Object>> deliveriesOf(Subscriber caller, String eventId) {
        Map<String, Object> page = http.get()
                .uri(builder -> builder.path("/conference/v1/callbacks/deliveries")
                        .queryParam("filter", "eventId eq '" + eventId + "'").build())
                .header(TestIdentities.HEADER, caller.identity())
                .exchange().expectStatus().isOk().expectBody(OBJECT).returnResult().getResponseBody();
        return (List<Map<String, Object>>) page.get("deliveries");
    }

    /** The one delivery of an event to {@code caller}'s own callback, once it is in status {@code status}. */
    protected Map<String, Object> awaitDelivery(Subscriber caller, String eventId, String status) {
        return await(eventId + " " + status).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> deliveriesOf(caller, eventId).stream()
                        .filter(found -> caller.sid().equals(found.get("subscriberSid"))).findFirst().orElse(null),
                        found -> found != null && status.equals(found.get("status")));
    }
}
