package org.conference.e2e;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code conference.meeting.events} followed for a whole test class, as a webhook receiver would see it: one plain
 * consumer on a thread of its own, every partition assigned from the beginning (no group, so no rebalance to wait
 * for per scenario), each meeting's events kept in the order of its partition. Scenarios wait on what they expect
 * instead of opening a consumer each.
 */
final class MeetingEventsTail implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final Map<Long, List<Map<String, Object>>> byMeeting = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final KafkaConsumer<String, String> consumer;
    private final Thread reader;

    private MeetingEventsTail(String bootstrapServers) {
        consumer = new KafkaConsumer<>(settings(bootstrapServers));
        reader = new Thread(this::read, "meeting-events-tail");
        reader.setDaemon(true);
    }

    /** Follows the topic from its beginning; meeting-service declares it, so the platform must be up. */
    static MeetingEventsTail follow(String bootstrapServers) {
        MeetingEventsTail tail = new MeetingEventsTail(bootstrapServers);
        List<TopicPartition> partitions = new ArrayList<>();
        await(MeetingEventsTopic.TOPIC + " exists").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .pollInSameThread().until(() -> {
                    tail.consumer.partitionsFor(MeetingEventsTopic.TOPIC).forEach(partition ->
                            partitions.add(new TopicPartition(partition.topic(), partition.partition())));
                    return !partitions.isEmpty();
                });
        tail.consumer.assign(partitions);
        tail.consumer.seekToBeginning(partitions);
        tail.reader.start();
        return tail;
    }

    /** The events of {@code meetingNumber} seen so far, in their partition's order. */
    List<Map<String, Object>> of(long meetingNumber) {
        List<Map<String, Object>> events = byMeeting.get(meetingNumber);
        if (events == null) {
            return List.of();
        }
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
        try {
            reader.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void read() {
        try (consumer) {
            while (running.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() != null && record.value() != null) {
                        List<Map<String, Object>> events = byMeeting.computeIfAbsent(Long.valueOf(record.key()),
                                meeting -> new ArrayList<>());
                        synchronized (events) {
                            events.add(JSON.readValue(record.value(), OBJECT));
                        }
                    }
                }
            }
        } catch (WakeupException closing) {
            // close() asked the poll to return
        }
    }

    private static Properties settings(String bootstrapServers) {
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return settings;
    }
}
