package org.conference.testsupport;

import java.net.InetSocketAddress;

import org.conference.localstack.mongo.InMemoryMongoBackend;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import de.bwaldvogel.mongo.MongoServer;

/**
 * One Kafka broker and one MongoDB per test JVM, started on first use and stopped when the JVM exits: Testcontainers
 * ({@code apache/kafka}, {@code mongo:7}) when a Docker engine answers, otherwise a real embedded KRaft broker and the
 * in-process MongoDB-wire server. Tests isolate themselves by database name and topic use, not by fresh servers,
 * which keeps the whole suite fast on two cores.
 */
public final class BackingServices {

    private static volatile KafkaBackend kafka;
    private static volatile MongoBackend mongo;
    private static volatile Boolean docker;

    public static boolean dockerAvailable() {
        if (docker == null) {
            boolean wanted = !"false".equalsIgnoreCase(System.getProperty("conference.test.docker",
                    System.getenv().getOrDefault("CONFERENCE_TEST_DOCKER", "true")));
            docker = wanted && isDockerAvailable();
        }
        return docker;
    }

    private static boolean isDockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    public static synchronized KafkaBackend kafka() {
        if (kafka == null) {
            kafka = dockerAvailable() ? containerKafka() : embeddedKafka();
        }
        return kafka;
    }

    public static synchronized MongoBackend mongo() {
        if (mongo == null) {
            mongo = dockerAvailable() ? containerMongo() : embeddedMongo();
        }
        return mongo;
    }

    private static KafkaBackend embeddedKafka() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperty("log.cleaner.dedupe.buffer.size", "16777216");
        broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
        broker.afterPropertiesSet();
        stopOnExit("embedded-kafka", broker::destroy);
        String servers = broker.getBrokersAsString();
        return new Backend(servers, "embedded");
    }

    private static KafkaBackend containerKafka() {
        KafkaContainer container = new KafkaContainer("apache/kafka:4.1.2");
        container.start();
        stopOnExit("kafka-container", container::stop);
        return new Backend(container.getBootstrapServers(), "testcontainers");
    }

    private static MongoBackend embeddedMongo() {
        MongoServer server = new MongoServer(new InMemoryMongoBackend());
        InetSocketAddress address = server.bind();
        stopOnExit("embedded-mongo", server::shutdownNow);
        String base = "mongodb://" + address.getHostString() + ":" + address.getPort();
        return new MongoBase(base, "embedded");
    }

    private static MongoBackend containerMongo() {
        MongoDBContainer container = new MongoDBContainer("mongo:7");
        container.start();
        stopOnExit("mongo-container", container::stop);
        String base = container.getConnectionString();
        return new MongoBase(base, "testcontainers");
    }

    private static void stopOnExit(String name, Runnable stop) {
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "stop-" + name));
    }

    private record Backend(String bootstrapServers, String kind) implements KafkaBackend {
    }

    private record MongoBase(String base, String kind) implements MongoBackend {
        @Override
        public String uri(String database) {
            return base + "/" + database;
        }
    }

    private BackingServices() {
    }
}
