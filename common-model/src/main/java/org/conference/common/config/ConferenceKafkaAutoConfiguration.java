package org.conference.common.config;

import org.conference.common.events.TopicDeclarations;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The Kafka rules of ARCHITECTURE.md §4 that every consumer shares: a record that keeps failing is retried a bounded
 * number of times and then published to {@code <topic>-dlt} (same partition), never dropped silently; one that could
 * not be read at all arrives there byte for byte ({@link DeadLetterRecoverer}).
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
    DeadLetterRecoverer deadLetterRecoverer(KafkaOperations<Object, Object> kafka) {
        return DeadLetterRecoverer.publishingThrough(kafka);
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    @ConditionalOnBean(KafkaOperations.class)
    DefaultErrorHandler deadLetteringErrorHandler(DeadLetterRecoverer recoverer,
            @Value("${conference.kafka.retry.attempts:4}") int attempts,
            @Value("${conference.kafka.retry.initial-interval-ms:200}") long initialIntervalMs) {
        var backOff = new ExponentialBackOff(initialIntervalMs, 2.0);
        backOff.setMaxAttempts(attempts);
        return new DefaultErrorHandler(recoverer, backOff);
    }
}
