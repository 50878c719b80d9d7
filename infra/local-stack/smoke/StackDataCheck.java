import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import com.mongodb.client.MongoCollection;

/**
 * Used by smoke-test.sh (a single-file program: {@code java -cp <kafka-clients + mongodb-driver-sync> StackDataCheck.java
 * write|verify <marker> <kafka bootstrap> <mongo uri>}). {@code write} leaves a marker in the local stack's Kafka (a
 * record on a topic it creates) and MongoDB (a document); {@code verify}, run after a restart, proves both survived.
 */
public class StackDataCheck {

    static final String TOPIC = "local-stack.smoke-test";
    static final String DATABASE = "local-stack-smoke-test";
    static final String COLLECTION = "markers";

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: StackDataCheck write|verify <marker> <kafka bootstrap> <mongo uri>");
            System.exit(2);
        }
        String mode = args[0], marker = args[1], bootstrap = args[2], mongoUri = args[3];
        boolean ok = switch (mode) {
            case "write" -> write(marker, bootstrap, mongoUri);
            case "verify" -> verify(marker, bootstrap, mongoUri);
            default -> throw new IllegalArgumentException(mode);
        };
        System.exit(ok ? 0 : 1);
    }

    static boolean write(String marker, String bootstrap, String mongoUri) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(TOPIC)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            var meta = producer.send(new ProducerRecord<>(TOPIC, "marker", marker)).get(30, TimeUnit.SECONDS);
            System.out.println("kafka: wrote marker " + marker + " to " + TOPIC + "-" + meta.partition() + "@"
                    + meta.offset());
        }
        try (MongoClient client = MongoClients.create(mongoUri)) {
            MongoCollection<Document> markers = client.getDatabase(DATABASE).getCollection(COLLECTION);
            markers.insertOne(new Document("_id", marker).append("writtenAt", System.currentTimeMillis()));
            System.out.println("mongo: wrote document {_id: " + marker + "} to " + DATABASE + "." + COLLECTION
                    + " (" + markers.countDocuments() + " document(s) there now)");
        }
        return true;
    }

    static boolean verify(String marker, String bootstrap, String mongoUri) throws Exception {
        boolean ok = true;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            if (topics.contains(TOPIC)) {
                System.out.println("kafka: topic " + TOPIC + " is listed (" + topics.size() + " topics in all)");
            } else {
                System.out.println("kafka: FAILED, topic " + TOPIC + " is missing; topics: " + topics);
                ok = false;
            }
        }
        if (ok) {
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            boolean found = false;
            int seen = 0;
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
                TopicPartition tp = new TopicPartition(TOPIC, 0);
                consumer.assign(List.of(tp));
                consumer.seekToBeginning(List.of(tp));
                long end = consumer.endOffsets(List.of(tp)).get(tp);
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (!found && consumer.position(tp) < end && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofSeconds(1))) {
                        seen++;
                        found |= marker.equals(r.value());
                    }
                }
            }
            System.out.println(found ? "kafka: record with marker " + marker + " read back (" + seen + " record(s) read)"
                    : "kafka: FAILED, no record with marker " + marker + " (" + seen + " record(s) read)");
            ok = found;
        }
        try (MongoClient client = MongoClients.create(mongoUri)) {
            Document doc = client.getDatabase(DATABASE).getCollection(COLLECTION).find(new Document("_id", marker))
                    .first();
            if (doc != null) {
                System.out.println("mongo: document {_id: " + marker + "} read back: " + doc.toJson());
            } else {
                System.out.println("mongo: FAILED, no document {_id: " + marker + "} in " + DATABASE + "." + COLLECTION);
                ok = false;
            }
        }
        return ok;
    }
}
