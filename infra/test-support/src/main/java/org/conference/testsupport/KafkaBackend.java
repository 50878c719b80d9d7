package org.conference.testsupport;

/** A running Kafka broker for tests. */
public interface KafkaBackend {

    String bootstrapServers();

    /** "testcontainers" or "embedded", for test reports. */
    String kind();
}
