package org.conference.simulator.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.conference.common.events.TopicDeclarations;
import org.conference.common.events.Topics;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

/** The simulator's topics (ARCHITECTURE.md §4) and how its records are written. */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    @Bean
    KafkaAdmin.NewTopics telephonyTopics(TopicDeclarations declarations) {
        return declarations.declare(List.of(Topics.TELEPHONY_EVENTS), List.of(Topics.TELEPHONY_COMMANDS));
    }

    /**
     * Events go out as JSON, but a command that could not be read reaches the dead-letter topic as the raw bytes it
     * arrived as (the recoverer hands those over as {@code byte[]}): JSON would turn them into a base64 string.
     */
    @Bean
    DefaultKafkaProducerFactoryCustomizer rawBytesStayRaw() {
        return factory -> rawBytesStayRaw(factory);
    }

    @SuppressWarnings("unchecked")
    private static void rawBytesStayRaw(DefaultKafkaProducerFactory<?, ?> factory) {
        Map<Class<?>, Serializer<?>> byType = new LinkedHashMap<>();
        byType.put(byte[].class, new ByteArraySerializer());
        byType.put(Object.class, new JacksonJsonSerializer<>());
        ((DefaultKafkaProducerFactory<Object, Object>) factory)
                .setValueSerializer(new DelegatingByTypeSerializer(byType, true));
    }
}
