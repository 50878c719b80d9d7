package org.conference.testsupport.telephony;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
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
import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A test's own view of the telephony topics, independent of any edge's Kafka code and of common-model's records: it
 * writes commands as the JSON of ARCHITECTURE.md §6 (or any bytes), the way meeting-service does, and reads topics
 * from the start with its own consumer. Both edges' tests (the simulator's, the SIP edge's) drive them with it.
 */
public final class TelephonyTopics implements AutoCloseable {

    /** ARCHITECTURE.md §4, spelled out here so that a renamed topic in common-model fails the edges' tests. */
    public static final String COMMANDS = "conference.telephony.commands";
    public static final String EVENTS = "conference.telephony.events";

    /** A command as it goes on the wire: {@code {"id", "type", "callId", "issuedAt", "argument"}}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Command(String id, String type, String callId, long issuedAt, String argument) {
    }

    private final String bootstrapServers;
    private final JsonMapper json = JsonMapper.builder().build();
    private final KafkaProducer<String, byte[]> producer;

    public TelephonyTopics(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    public JsonMapper json() {
        return json;
    }

    /** Sends a command as meeting-service does: its JSON, keyed by the edge call id. */
    public Command command(String callId, String type, String argument) {
        Command command = new Command(UUID.randomUUID().toString(), type, callId,
                System.currentTimeMillis(), argument);
        send(command);
        return command;
    }

    public void send(Command command) {
        sendRaw(command.callId(), json.writeValueAsBytes(command));
    }

    public void sendRaw(String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(COMMANDS, key, value))
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot send a command", e);
        }
    }

    /**
     * Waits until the edge's consumer {@code group} has committed a position on every partition of {@link #COMMANDS}.
     * An edge reads commands from the latest offset on its first start, and its container commits that position on
     * assignment: a command sent before it would be skipped.
     */
    public void awaitCommandsPosition(String group, int partitions, Duration atMost) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            await(group + " has a position on " + COMMANDS).atMost(atMost).until(() -> admin
                    .listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS)
                    .keySet().stream().filter(partition -> partition.topic().equals(COMMANDS)).count() == partitions);
        }
    }

    /** A reader of {@code topic} from its first record. */
    public Reader read(String topic) {
        return new Reader(topic);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }

    /** Reads a topic from the start and keeps what it has seen, so a test can wait for the records it expects. */
    public final class Reader implements AutoCloseable {

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
        public List<ConsumerRecord<String, byte[]>> recordsFor(String key) {
            return records(record -> key.equals(record.key()));
        }

        public List<ConsumerRecord<String, byte[]>> records(Predicate<ConsumerRecord<String, byte[]>> wanted) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return seen.stream().filter(wanted).toList();
        }

        /** The JSON values of {@link #recordsFor}. */
        public List<JsonNode> eventsFor(String key) {
            return recordsFor(key).stream().map(record -> json.readTree(record.value())).toList();
        }

        @Override
        public void close() {
            consumer.close(Duration.ofSeconds(10));
        }
    }
}
