package org.conference.gateway.auth;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.conference.common.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Any record about a subscriber (password, role or token change, deletion tombstone) evicts its cached credentials at
 * this gateway instance (ARCHITECTURE.md section 3.2: effective everywhere within 5 s). Only the key matters, so the
 * value is read as raw bytes: a value this gateway cannot parse must still evict.
 */
public class SubscriberChangeListener {

    public static final String LISTENER_ID = "gateway-subscriber-evictions";

    private final Authenticator authenticator;

    public SubscriberChangeListener(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    /** idIsGroup = false: the group is spring.kafka.consumer.group-id, one per instance, so every instance hears all. */
    @KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = Topics.SUBSCRIBERS,
            properties = "value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer")
    void onSubscriberRecord(ConsumerRecord<String, byte[]> record) {
        if (record.key() != null) {
            authenticator.evictSubscriber(record.key());
        }
    }
}
