package org.conference.provisioning.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.conference.common.events.DidGroupState;
import org.conference.common.events.DidState;
import org.conference.common.events.MeetingRoomState;
import org.conference.common.events.SubscriberState;
import org.conference.common.events.Topics;
import org.conference.provisioning.outbox.OutboxRelay;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every change of a subscriber, DID group, DID or room reaches its compacted topic as full state with a growing
 * version (a tombstone on delete), read back here from the real broker; and a change the API reported survives the
 * relay being down between the write and the publication.
 */
class StateTopicsTest extends ApiTestSupport {

    private final JsonMapper json = JsonMapper.builder().build();

    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    @Autowired
    private OutboxRelay relay;

    @Autowired
    private ReactiveMongoTemplate mongo;

    @Test
    void publishesTheFullStateOfEachObjectTheApiCreates() {
        Caller admin = subscriber(root, 1);
        put(admin, "/subscribers/" + admin.sid(), Map.of("eventCallbackUrl", "https://example.com/hook"))
                .expectStatus().isOk();
        long group = didGroup(admin);
        long did = did(admin, group);
        Map<?, ?> room = post(admin, "/meetingRooms", Map.of("primaryDidGroupId", group,
                "keychain", List.of(Map.of("accessCode", "8080", "role", 1)))).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        String meetingNumber = room.get("meetingNumber").toString();

        SubscriberState subscriber = latest(Topics.SUBSCRIBERS, admin.sid(), SubscriberState.class).orElseThrow();
        assertThat(subscriber.lineage()).isEqualTo(admin.lineage());
        assertThat(subscriber.role()).isEqualTo(1);
        assertThat(subscriber.callback().url()).isEqualTo("https://example.com/hook");
        assertThat(subscriber.callback().secret()).startsWith("whsec_");
        assertThat(subscriber.version()).isGreaterThanOrEqualTo(2);

        DidGroupState groupState = latest(Topics.DID_GROUPS, Long.toString(group), DidGroupState.class).orElseThrow();
        assertThat(groupState.subscriberSid()).isEqualTo(admin.sid());
        assertThat(groupState.callFlowId()).isEqualTo(3);

        DidState didState = latest(Topics.DIDS, Long.toString(did), DidState.class).orElseThrow();
        assertThat(didState.didGroupId()).isEqualTo(group);
        assertThat(didState.countryCode()).isEqualTo("US");

        MeetingRoomState roomState = latest(Topics.MEETING_ROOMS, meetingNumber, MeetingRoomState.class)
                .orElseThrow();
        assertThat(roomState.keychain()).singleElement().satisfies(key -> assertThat(key.accessCode())
                .isEqualTo("8080"));
        assertThat(roomState.didGroupReferences()).singleElement()
                .satisfies(reference -> assertThat(reference.didGroupId()).isEqualTo(group));
        assertThat(roomState.subscriberSid()).isEqualTo(admin.sid());
    }

    @Test
    void updatesRaiseTheVersionAndDeletesLeaveATombstone() {
        Caller admin = subscriber(root, 1);
        long group = didGroup(admin);
        long number = room(admin, group);
        put(admin, "/meetingRooms/" + number, Map.of("description", "second")).expectStatus().isOk();
        awaitState(Topics.MEETING_ROOMS, Long.toString(number), MeetingRoomState.class,
                state -> "second".equals(state.description()) && state.version() == 2);

        long renumbered = 100_000 + (number % 899_999);
        put(admin, "/meetingRooms/" + number, Map.of("meetingNumber", renumbered)).expectStatus().isOk();
        awaitTombstone(Topics.MEETING_ROOMS, Long.toString(number));
        awaitState(Topics.MEETING_ROOMS, Long.toString(renumbered), MeetingRoomState.class,
                state -> state.version() == 3);

        delete(admin, "/meetingRooms/" + renumbered).expectStatus().isNoContent();
        awaitTombstone(Topics.MEETING_ROOMS, Long.toString(renumbered));
    }

    @Test
    void aChangeTheApiReportedReachesKafkaEvenIfTheRelayWasDownWhenItWasWritten() throws Exception {
        Caller admin = subscriber(root, 1);
        relay.stop();
        Map<?, ?> reported;
        try {
            reported = post(admin, "/didGroups", Map.of("callFlowId", 1, "name", "written while relay down",
                    "attributes", List.of(Map.of("name", "conference_language", "value", "DE"))))
                    .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            String key = reported.get("id").toString();
            Thread.sleep(1500);
            assertThat(latest(Topics.DID_GROUPS, key, DidGroupState.class)).isEmpty();
            assertThat(mongo.exists(Query.query(Criteria.where("_id").is(Long.valueOf(key))
                    .and("outbox.pending").is(true)), "didGroups").block()).isTrue();
        } finally {
            relay.start();
        }
        DidGroupState arrived = awaitState(Topics.DID_GROUPS, reported.get("id").toString(), DidGroupState.class,
                state -> true);
        assertThat(arrived.name()).isEqualTo(reported.get("name"));
        assertThat(arrived.callFlowId()).isEqualTo(reported.get("callFlowId"));
        assertThat(arrived.description()).isEqualTo(reported.get("description"));
        assertThat(arrived.attributes()).singleElement().satisfies(attribute -> {
            assertThat(attribute.name()).isEqualTo("conference_language");
            assertThat(attribute.value()).isEqualTo("DE");
        });
        assertThat(arrived.version()).isEqualTo(1);
    }

    private <T> T awaitState(String topic, String key, Class<T> type, java.util.function.Predicate<T> wanted) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            Optional<T> state = latest(topic, key, type);
            if (state.isPresent() && wanted.test(state.get())) {
                return state.get();
            }
        }
        throw new AssertionError("no wanted state for " + key + " on " + topic);
    }

    private void awaitTombstone(String topic, String key) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            Map<String, String> values = readAll(topic);
            if (values.containsKey(key) && values.get(key) == null) {
                return;
            }
        }
        throw new AssertionError("no tombstone for " + key + " on " + topic);
    }

    /** The last record under {@code key} on the topic, as a consumer rebuilding from the topic alone would see it. */
    private <T> Optional<T> latest(String topic, String key, Class<T> type) {
        String value = readAll(topic).get(key);
        return Optional.ofNullable(value).map(text -> json.readValue(text, type));
    }

    private Map<String, String> readAll(String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "state-reader-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, String> latest = new HashMap<>();
        try (var consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            int emptyPolls = 0;
            while (emptyPolls < 3) {
                var records = consumer.poll(Duration.ofMillis(400));
                emptyPolls = records.isEmpty() ? emptyPolls + 1 : 0;
                for (ConsumerRecord<String, String> record : records) {
                    latest.put(record.key(), record.value());
                }
            }
        }
        return latest;
    }
}
