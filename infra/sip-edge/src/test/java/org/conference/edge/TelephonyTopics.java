package org.conference.edge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.conference.common.events.TelephonyCommand;
import org.conference.common.events.Topics;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The test's own view of the telephony topics, independent of the edge's Kafka code: it writes commands as
 * plain JSON (or any bytes) the way meeting-service does, and reads topics from the start with its own consumer.
 */
final class TelephonyTopics implements AutoCloseable {

    private final String bootstrapServers;
    private final JsonMapper json = JsonMapper.builder().build();
    private final KafkaProducer<String, byte[]> producer;

    TelephonyTopics(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    JsonMapper json() {
        return json;
    }

    /** Sends a command as meeting-service will: JSON of the shared record, keyed by the edge call id. */
    TelephonyCommand command(String callId, String type, String argument) {
        TelephonyCommand command = new TelephonyCommand(UUID.randomUUID().toString(), type, callId,
                System.currentTimeMillis(), argument);
        send(command);
        return command;
    }

    void send(TelephonyCommand command) {
        sendRaw(command.callId(), json.writeValueAsBytes(command));
    }

    void sendRaw(String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(Topics.TELEPHONY_COMMANDS, key, value))
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot send a command", e);
        }
    }

    /** A reader of {@code topic} from its first record. */
    Reader read(String topic) {
        return new Reader(topic);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }

    /** Reads a topic from the start and keeps what it has seen, so a test can wait for the records it expects. */
    final class Reader implements AutoCloseable {

        private final KafkaConsumer<String, byte[]> consumer;
        private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

        private Reader(String topic) {
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000), new StringDeserializer(),
                    new ByteArrayDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        /** Every record read so far whose key is {@code key}, in topic order, after one more poll. */
        List<ConsumerRecord<String, byte[]>> recordsFor(String key) {
            return records(record -> key.equals(record.key()));
        }

        List<ConsumerRecord<String, byte[]>> records(Predicate<ConsumerRecord<String, byte[]>> wanted) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return seen.stream().filter(wanted).toList();
        }

        /** The JSON values of {@link #recordsFor}. */
        List<JsonNode> eventsFor(String key) {
            return recordsFor(key).stream().map(record -> json.readTree(record.value())).toList();
        }

        @Override
        public void close() {
            consumer.close(Duration.ofSeconds(10));
        }
    }
}
