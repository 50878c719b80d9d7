package org.conference.common.config;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.conference.common.events.Topics;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Publishes a record that keeps failing to {@code <topic>-dlt}, same partition. A record whose value could not even
 * be read reaches the recoverer as the bytes it arrived as; the service's JSON serializer would write those as a
 * base64 string, so they go out through a copy of the service's producer that writes bytes unchanged. Every other
 * value goes out as the service's own template writes it. The copy makes its producer on the first dead letter and
 * closes it with the context.
 */
final class DeadLetterRecoverer extends DeadLetterPublishingRecoverer implements DisposableBean {

    private final ProducerFactory<Object, Object> rawBytes;

    private DeadLetterRecoverer(Map<Class<?>, KafkaOperations<?, ?>> templatesByValueType,
            ProducerFactory<Object, Object> rawBytes) {
        super(templatesByValueType,
                (record, failure) -> new TopicPartition(Topics.deadLetter(record.topic()), record.partition()));
        this.rawBytes = rawBytes;
    }

    static DeadLetterRecoverer publishingThrough(KafkaOperations<Object, Object> kafka) {
        ProducerFactory<Object, Object> rawBytes = rawBytesCopy(kafka.getProducerFactory());
        // In this order: a value is matched against byte[] first; a null value (a tombstone) takes the first entry,
        // which writes it as the null it is.
        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        templates.put(byte[].class, new KafkaTemplate<>(rawBytes));
        templates.put(Object.class, kafka);
        return new DeadLetterRecoverer(templates, rawBytes);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ProducerFactory<Object, Object> rawBytesCopy(ProducerFactory<Object, Object> service) {
        Map<String, Object> overrides = new HashMap<>();
        overrides.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        Object clientId = service.getConfigurationProperties().get(ProducerConfig.CLIENT_ID_CONFIG);
        if (clientId != null) {
            // Two producers with one client id would fight over the same JMX and metric names.
            overrides.put(ProducerConfig.CLIENT_ID_CONFIG, clientId + "-dead-letters");
        }
        ProducerFactory<Object, Object> copy = service.copyWithConfigurationOverride(overrides);
        if (copy instanceof DefaultKafkaProducerFactory<Object, Object> factory) {
            // A serializer instance given to the service's factory would otherwise win over the class named above.
            factory.setValueSerializer((Serializer) new ByteArraySerializer());
        }
        return copy;
    }

    @Override
    public void destroy() throws Exception {
        if (rawBytes instanceof DisposableBean disposable) {
            disposable.destroy();
        }
    }
}
