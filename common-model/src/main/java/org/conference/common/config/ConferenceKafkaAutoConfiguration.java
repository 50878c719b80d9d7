package org.conference.common.config;

import org.apache.kafka.common.TopicPartition;
import org.conference.common.events.TopicDeclarations;
import org.conference.common.events.Topics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The Kafka rules of ARCHITECTURE.md §4 that every consumer shares: a record that keeps failing is retried a bounded
 * number of times and then published to {@code <topic>-dlt} (same partition), never dropped silently.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass(KafkaOperations.class)
public class ConferenceKafkaAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TopicDeclarations topicDeclarations(@Value("${conference.kafka.partitions:3}") int partitions,
            @Value("${conference.kafka.replication-factor:1}") short replicationFactor) {
        return new TopicDeclarations(partitions, replicationFactor);
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    @ConditionalOnBean(KafkaOperations.class)
    DefaultErrorHandler deadLetteringErrorHandler(KafkaOperations<Object, Object> kafka,
            @Value("${conference.kafka.retry.attempts:4}") int attempts,
            @Value("${conference.kafka.retry.initial-interval-ms:200}") long initialIntervalMs) {
        var recoverer = new DeadLetterPublishingRecoverer(kafka,
                (record, failure) -> new TopicPartition(Topics.deadLetter(record.topic()), record.partition()));
        var backOff = new ExponentialBackOff(initialIntervalMs, 2.0);
        backOff.setMaxAttempts(attempts);
        return new DefaultErrorHandler(recoverer, backOff);
    }
}
