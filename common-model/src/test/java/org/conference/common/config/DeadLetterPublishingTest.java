package org.conference.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.conference.common.events.Topics;
import org.conference.testsupport.BackingServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A listener set up as every service sets its up (string keys, JSON values read through Spring's
 * {@code ErrorHandlingDeserializer}, JSON written by {@code JacksonJsonSerializer}), with common-model's dead-letter
 * handling: a record that cannot be read lands on {@code <topic>-dlt} byte for byte, with the headers that say what
 * failed; a record that was read but kept failing lands there as JSON; the listener carries on after both.
 */
@SpringBootTest(classes = DeadLetterPublishingTest.ListeningService.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
                "spring.kafka.consumer.group-id=dead-letter-test",
                "spring.kafka.consumer.auto-offset-reset=earliest",
                "spring.kafka.consumer.key-deserializer=org.apache.kafka.common.serialization.StringDeserializer",
                "spring.kafka.consumer.value-deserializer="
                        + "org.springframework.kafka.support.serializer.ErrorHandlingDeserializer",
                "spring.kafka.consumer.properties.spring.deserializer.value.delegate.class="
                        + "org.springframework.kafka.support.serializer.JacksonJsonDeserializer",
                "spring.kafka.consumer.properties.spring.json.use.type.headers=false",
                "spring.kafka.consumer.properties.spring.json.value.default.type=java.util.LinkedHashMap",
                "spring.kafka.consumer.properties.spring.json.trusted.packages=java.util",
                "spring.kafka.producer.key-serializer=org.apache.kafka.common.serialization.StringSerializer",
                "spring.kafka.producer.value-serializer="
                        + "org.springframework.kafka.support.serializer.JacksonJsonSerializer",
                "spring.kafka.producer.properties.spring.json.add.type.headers=false",
                "conference.kafka.retry.attempts=1",
                "conference.kafka.retry.initial-interval-ms=50"})
class DeadLetterPublishingTest {

    private static final String TOPIC = "dead-letter-probe." + UUID.randomUUID();
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> BackingServices.kafka().bootstrapServers());
        registry.add("dead-letter-probe.topic", () -> TOPIC);
    }

    @Autowired
    private ProbeListener listener;

    private final ObjectMapper json = JsonMapper.builder().build();
    private KafkaProducer<String, byte[]> producer;
    private KafkaConsumer<String, byte[]> deadLetters;
    private final List<ConsumerRecord<String, byte[]>> deadLettersSeen = new ArrayList<>();

    @BeforeEach
    void connect() {
        String servers = BackingServices.kafka().bootstrapServers();
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers),
                new StringSerializer(), new ByteArraySerializer());
        deadLetters = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        deadLetters.subscribe(List.of(Topics.deadLetter(TOPIC)));
    }

    @AfterEach
    void disconnect() {
        producer.close(Duration.ofSeconds(10));
        deadLetters.close(Duration.ofSeconds(10));
    }

    @Test
    void aRecordThatCannotBeReadLandsOnItsDeadLetterTopicByteForByte() throws Exception {
        String key = "unreadable-" + UUID.randomUUID();
        byte[] garbage = concat("{\"action\": \"store\", oops".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xff, 0, (byte) 0xc3});

        producer.send(new ProducerRecord<>(TOPIC, key, garbage)).get();

        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(key);
        assertThat(dead.value()).isEqualTo(garbage);
        assertThat(header(dead, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(TOPIC);
        assertThat(header(dead, KafkaHeaders.DLT_EXCEPTION_FQCN)).endsWith("DeserializationException");
        assertThat(header(dead, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).isNotBlank();
        assertListenerCarriesOn();
    }

    @Test
    void aRecordThatWasReadButKeptFailingLandsThereAsJson() throws Exception {
        String key = "refused-" + UUID.randomUUID();
        producer.send(new ProducerRecord<>(TOPIC, key,
                "{\"action\": \"refuse\", \"attempt\": 1}".getBytes(StandardCharsets.UTF_8))).get();

        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(key);
        assertThat(json.readValue(dead.value(), Map.class)).isEqualTo(Map.of("action", "refuse", "attempt", 1));
        assertThat(header(dead, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("refused on purpose");
        assertListenerCarriesOn();
    }

    private void assertListenerCarriesOn() throws Exception {
        String marker = UUID.randomUUID().toString();
        producer.send(new ProducerRecord<>(TOPIC, "after", json.writeValueAsBytes(Map.of("action", marker)))).get();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(listener.received)
                .anySatisfy(value -> assertThat(value).containsEntry("action", marker)));
    }

    private ConsumerRecord<String, byte[]> awaitDeadLetter(String key) {
        return await().atMost(PATIENCE).until(() -> {
            deadLetters.poll(Duration.ofMillis(200)).forEach(deadLettersSeen::add);
            return deadLettersSeen.stream().filter(record -> key.equals(record.key())).findFirst().orElse(null);
        }, record -> record != null);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /** Just Boot's and common-model's auto-configuration, the topic and its dead-letter topic, and one listener. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(ProbeListener.class)
    static class ListeningService {

        @Bean
        NewTopic probes() {
            return TopicBuilder.name(TOPIC).partitions(1).replicas(1).build();
        }

        @Bean
        NewTopic deadProbes() {
            return TopicBuilder.name(Topics.deadLetter(TOPIC)).partitions(1).replicas(1).build();
        }
    }

    static class ProbeListener {

        final Queue<Map<String, Object>> received = new ConcurrentLinkedQueue<>();

        @KafkaListener(topics = "${dead-letter-probe.topic}")
        void on(Map<String, Object> value) {
            if ("refuse".equals(value.get("action"))) {
                throw new IllegalArgumentException("refused on purpose");
            }
            received.add(value);
        }
    }
}
