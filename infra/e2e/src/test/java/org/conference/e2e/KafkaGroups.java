package org.conference.e2e;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/** What the broker says about topics and consumer groups, asked as an operator would (Kafka's admin client). */
final class KafkaGroups {

    private final String bootstrapServers;

    KafkaGroups(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Waits until a member of {@code group} has a partition of {@code topic} assigned. */
    void awaitAssigned(String group, String topic, Duration atMost) {
        try (Admin admin = admin()) {
            await(group + " is assigned " + topic).atMost(atMost).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions().until(() -> describe(admin, group).members().stream()
                            .anyMatch(member -> member.assignment().topicPartitions().stream()
                                    .anyMatch(partition -> partition.topic().equals(topic))));
        }
    }

    /** The client id of the member of {@code group} that holds {@code partition} now. */
    String holder(String group, TopicPartition partition) {
        try (Admin admin = admin()) {
            ConsumerGroupDescription description = describe(admin, group);
            return description.members().stream()
                    .filter(member -> member.assignment().topicPartitions().contains(partition))
                    .map(MemberDescription::clientId).findFirst()
                    .orElseThrow(() -> new AssertionError("no member of " + group + " holds " + partition + ": "
                            + description));
        }
    }

    int partitions(String topic) {
        try (Admin admin = admin()) {
            return get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic).partitions().size();
        }
    }

    private ConsumerGroupDescription describe(Admin admin, String group) {
        return get(admin.describeConsumerGroups(List.of(group)).all()).get(group);
    }

    private static <T> T get(KafkaFuture<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the Kafka admin client failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private Admin admin() {
        Properties client = new Properties();
        client.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return Admin.create(client);
    }
}
