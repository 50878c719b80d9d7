package org.conference.callback.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;
import org.conference.callback.CallbackApplication;
import org.conference.testsupport.BackingServices;
import org.conference.testsupport.BackingServicesInitializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * Two instances on one database and one consumer group: each takes part of the work, both race for what is due, and
 * no delivery is sent twice.
 */
class TwoInstancesTest {

    private final String database = "callback_two_" + UUID.randomUUID().toString().substring(0, 8);
    private final String group = "callback-two-" + UUID.randomUUID();
    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    private final Receiver receiver = new Receiver();
    private final EventFeed feed = new EventFeed(BackingServices.kafka().bootstrapServers());

    @BeforeEach
    void start() {
        instances.add(instance("one"));
        instances.add(instance("two"));
    }

    @AfterEach
    void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
        receiver.close();
        feed.close();
    }

    private ConfigurableApplicationContext instance(String name) {
        // arguments, so they win over application.yml as they would on a command line
        return new SpringApplicationBuilder(CallbackApplication.class).run(
                "--server.port=0",
                "--management.server.port=0",
                "--spring.kafka.bootstrap-servers=" + BackingServices.kafka().bootstrapServers(),
                "--spring.mongodb.uri=" + BackingServices.mongo().uri(database),
                "--spring.mongodb.database=" + database,
                "--conference.identity.jwt-secret=" + BackingServicesInitializer.TEST_JWT_SECRET,
                "--conference.callbacks.allow-private-targets=true",
                "--conference.callbacks.consumer-group=" + group,
                "--conference.callbacks.instance-id=" + name,
                "--conference.callbacks.per-endpoint-concurrency=2",
                "--conference.callbacks.poll-interval=50ms",
                "--conference.callbacks.retry-schedule=1s,1s,1s");
    }

    @Test
    void theyShareTheWorkAndNoDeliveryIsSentTwice() {
        List<String> owners = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String sid = EventFeed.newSid();
            receiver.answerAlways("/two/" + i, Receiver.Reply.slow(200, 15));
            feed.subscriber(sid, 3, List.of(sid), receiver.url("/two/" + i), StandardWebhooks.newSecret(), 1);
            owners.add(sid);
        }
        ReactiveMongoTemplate mongo = instances.get(0).getBean(ReactiveMongoTemplate.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> mongo.count(new org.springframework.data.mongodb.core
                .query.Query(), "subscriber_callbacks").block() == owners.size());

        Set<String> published = new HashSet<>();
        for (int i = 0; i < owners.size(); i++) {
            List<long[]> events = new ArrayList<>();
            for (int sequence = 1; sequence <= 40; sequence++) {
                events.add(new long[] {500_000 + i * 10L + sequence % 3, sequence});
            }
            published.addAll(feed.meetingEvents(events, owners.get(i)));
        }

        await().atMost(Duration.ofSeconds(120)).until(() -> receiver.requests().stream()
                .map(Receiver.Request::webhookId).collect(Collectors.toSet()).containsAll(published));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> receiver.requests().size() == published.size());
        Map<String, Long> sends = receiver.requests().stream()
                .collect(Collectors.groupingBy(Receiver.Request::webhookId, Collectors.counting()));
        assertThat(sends).allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1));

        Map<String, Long> byInstance = mongo.findAll(Document.class, "deliveries").collectList().block().stream()
                .collect(Collectors.groupingBy(delivery -> delivery.getString("deliveredBy"), Collectors.counting()));
        assertThat(byInstance.keySet()).containsExactlyInAnyOrder("one", "two");
        assertThat(byInstance.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(published.size());
        assertThat(sends.keySet()).containsExactlyInAnyOrderElementsOf(published.stream()
                .collect(Collectors.toMap(Function.identity(), id -> id)).keySet());
    }
}
