package org.conference.e2e;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code conference.meeting.events} read as any consumer of the platform's domain events would (ARCHITECTURE.md §5):
 * a plain Kafka consumer of its own group, from the earliest offset, JSON values keyed by meeting number.
 */
final class MeetingEventsTopic {

    static final String TOPIC = "conference.meeting.events";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final String bootstrapServers;

    MeetingEventsTopic(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Every event of {@code meetingNumber}, in the order of its partition, up to and including its end. */
    List<Map<String, Object>> eventsUntilEnded(long meetingNumber, Duration atMost) {
        List<Map<String, Object>> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings())) {
            consumer.subscribe(List.of(TOPIC));
            await(TOPIC + " carries meeting.ended of " + meetingNumber).atMost(atMost).pollInSameThread()
                    .pollInterval(Duration.ZERO).until(() -> {
                        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                            if (Long.toString(meetingNumber).equals(record.key())) {
                                events.add(JSON.readValue(record.value(), OBJECT));
                            }
                        }
                        return events.stream().anyMatch(event -> "meeting.ended".equals(event.get("type")));
                    });
        }
        return events;
    }

    private Properties settings() {
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID());
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return settings;
    }
}
