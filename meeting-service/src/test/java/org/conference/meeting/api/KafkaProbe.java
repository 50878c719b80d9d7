package org.conference.meeting.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays provisioning-service and the edge on the real broker, in plain JSON as the contracts define them: publishes
 * state and telephony records, and records everything that appears on the topics it watches.
 */
final class KafkaProbe implements AutoCloseable {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final JsonMapper json = JsonMapper.builder().build();
    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;

    KafkaProbe(String bootstrapServers, List<String> watched) {
        Properties producing = new Properties();
        producing.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producing.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producing.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producing.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(producing);
        Properties consuming = new Properties();
        consuming.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        consuming.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        consuming.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // topics declared after the probe subscribed are found within a second, not after the 5-minute default
        consuming.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "1000");
        consuming.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consuming.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumer = new KafkaConsumer<>(consuming);
        consumer.subscribe(watched);
        poller = new Thread(() -> {
            while (running) {
                consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
            }
            consumer.close();
        }, "kafka-probe");
        poller.start();
    }

    void publish(String topic, String key, Object value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value == null ? null : json.writeValueAsString(value)))
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    void publishRaw(String topic, String key, String text) {
        try {
            producer.send(new ProducerRecord<>(topic, key, text)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    /** Every JSON value seen on {@code topic} that {@code matches}, in arrival order. */
    List<Map<String, Object>> values(String topic, Predicate<Map<String, Object>> matches) {
        return seen.stream().filter(record -> record.topic().equals(topic) && record.value() != null)
                .map(record -> json.readValue(record.value(), OBJECT)).filter(matches).toList();
    }

    List<ConsumerRecord<String, String>> records(String topic) {
        return seen.stream().filter(record -> record.topic().equals(topic)).toList();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        poller.join(5000);
        producer.close();
    }
}
