package org.conference.common.events;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Builds the {@link NewTopic} declarations of ARCHITECTURE.md §4 so every service declares a topic (and its dead-letter
 * companion) the same way: state topics compacted, event topics deleted by time. Partitions and replication come from
 * {@code conference.kafka.partitions} / {@code conference.kafka.replication-factor} (1 locally, 3 in production).
 */
public record TopicDeclarations(int partitions, short replicationFactor) {

    public static final List<String> STATE_TOPICS =
            List.of(Topics.SUBSCRIBERS, Topics.DID_GROUPS, Topics.DIDS, Topics.MEETING_ROOMS);

    public NewTopic topic(String name) {
        TopicBuilder builder = TopicBuilder.name(name).partitions(partitions).replicas(replicationFactor);
        if (STATE_TOPICS.contains(name)) {
            builder.compact();
        }
        return builder.build();
    }

    /** The dead-letter topic of {@code name}: same partitions so a record keeps its partition there. */
    public NewTopic deadLetter(String name) {
        return TopicBuilder.name(Topics.deadLetter(name)).partitions(partitions).replicas(replicationFactor).build();
    }

    /**
     * What a service declares: the topics it publishes, and the topics it consumes with their dead-letter topics.
     * Consumers declare their inputs too, with the owner's settings, so whichever service starts first creates them
     * right instead of letting the broker auto-create an uncompacted topic.
     */
    public KafkaAdmin.NewTopics declare(List<String> published, List<String> consumed) {
        List<NewTopic> topics = new ArrayList<>();
        published.forEach(name -> topics.add(topic(name)));
        consumed.forEach(name -> {
            topics.add(topic(name));
            topics.add(deadLetter(name));
        });
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}
