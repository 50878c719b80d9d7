package org.conference.callback.targets;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.conference.common.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Completes once the read model holds every subscriber record that was on the topic when this instance started: its
 * group has committed up to the end offsets seen then, and a commit follows the record's write to Mongo. Events
 * wait for it, so a fresh instance never finds an owner missing only because its record was not read yet.
 */
@Component
public class ReadModelCatchUp {

    private static final Logger LOG = LoggerFactory.getLogger(ReadModelCatchUp.class);
    private static final Duration CHECK_EVERY = Duration.ofMillis(250);

    private final KafkaAdmin kafka;
    private final String group;
    private final Mono<Void> caughtUp;

    ReadModelCatchUp(KafkaAdmin kafka,
            @Value("${conference.callbacks.consumer-group:callback-service}.targets") String group) {
        this.kafka = kafka;
        this.group = group;
        // the admin client blocks (its calls and its close): every look runs on boundedElastic, also the repeated
        // ones, which the delay would otherwise start on a parallel thread
        this.caughtUp = Mono.fromCallable(this::endOffsetsNow).subscribeOn(Schedulers.boundedElastic())
                .flatMap(ends -> Mono.fromCallable(() -> committedUpTo(ends) ? Boolean.TRUE : null)
                        .subscribeOn(Schedulers.boundedElastic())
                        .repeatWhenEmpty(Integer.MAX_VALUE, ticks -> ticks.delayElements(CHECK_EVERY)))
                .retryWhen(reactor.util.retry.Retry.fixedDelay(Long.MAX_VALUE, Duration.ofSeconds(1))
                        .doBeforeRetry(failure -> LOG.info("waiting for Kafka to read the subscribers topic: {}",
                                failure.failure().toString())))
                .doOnNext(done -> LOG.info("the callback read model has caught up with {}", Topics.SUBSCRIBERS))
                .then()
                .cache();
    }

    /** Completes when the read model has caught up (at once after the first time). */
    public Mono<Void> awaited() {
        return caughtUp;
    }

    private Map<TopicPartition, Long> endOffsetsNow() throws Exception {
        try (Admin admin = Admin.create(kafka.getConfigurationProperties())) {
            Set<TopicPartition> partitions = admin.describeTopics(Set.of(Topics.SUBSCRIBERS)).allTopicNames().get()
                    .get(Topics.SUBSCRIBERS).partitions().stream()
                    .map(partition -> new TopicPartition(Topics.SUBSCRIBERS, partition.partition()))
                    .collect(Collectors.toSet());
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                    partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get();
            return ends.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        }
    }

    private boolean committedUpTo(Map<TopicPartition, Long> ends) throws Exception {
        try (Admin admin = Admin.create(kafka.getConfigurationProperties())) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            return ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                    || (committed.get(end.getKey()) != null
                            && committed.get(end.getKey()).offset() >= end.getValue()));
        }
    }
}
