package org.conference.localstack.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/** Marker data in the stack's Kafka (a record) and MongoDB (a document), to prove that both survive a restart. */
final class StackData {

    private static final String TOPIC = "local-stack.launcher-test";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

    private final String kafka;
    private final String mongo;

    StackData(String kafka, String mongo) {
        this.kafka = kafka;
        this.mongo = mongo;
    }

    void write(String marker) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(60, TimeUnit.SECONDS);
        }
        Map<String, Object> producer = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> records = new KafkaProducer<>(producer, new StringSerializer(),
                new StringSerializer())) {
            records.send(new ProducerRecord<>(TOPIC, "marker", marker)).get(60, TimeUnit.SECONDS);
        }
        try (MongoClient client = MongoClients.create(mongo)) {
            client.getDatabase("launcher-test").getCollection("markers").insertOne(new Document("_id", marker));
        }
    }

    /** Every marker found in both places. */
    List<String> read() {
        List<String> inKafka = new ArrayList<>();
        Map<String, Object> consumer = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> records = new KafkaConsumer<>(consumer, new StringDeserializer(),
                new StringDeserializer())) {
            records.assign(List.of(PARTITION));
            records.seekToBeginning(List.of(PARTITION));
            long end = records.endOffsets(List.of(PARTITION), Duration.ofSeconds(60)).get(PARTITION);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (records.position(PARTITION, Duration.ofSeconds(60)) < end && System.nanoTime() < deadline) {
                records.poll(Duration.ofSeconds(1)).forEach(record -> inKafka.add(record.value()));
            }
        }
        List<String> inBoth = new ArrayList<>();
        try (MongoClient client = MongoClients.create(mongo)) {
            for (String marker : inKafka) {
                if (client.getDatabase("launcher-test").getCollection("markers").find(new Document("_id", marker))
                        .first() != null) {
                    inBoth.add(marker);
                }
            }
        }
        return inBoth;
    }
}
