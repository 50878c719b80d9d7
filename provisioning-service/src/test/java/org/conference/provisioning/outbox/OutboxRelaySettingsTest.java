package org.conference.provisioning.outbox;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The relay refuses to start when it would give up on a record before its producer does: the producer could then
 * still deliver an old version after another instance published a newer one.
 */
class OutboxRelaySettingsTest {

    @Test
    void refusesASendTimeoutNotLongerThanTheProducersDeliveryTimeout() {
        assertThatThrownBy(() -> relay(Duration.ofSeconds(10), "10000"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("conference.outbox.send-timeout")
                .hasMessageContaining("delivery.timeout.ms (10000 ms)");
        assertThatThrownBy(() -> relay(Duration.ofSeconds(10), null))
                .as("Kafka's default delivery timeout is two minutes")
                .hasMessageContaining("delivery.timeout.ms (120000 ms)");
    }

    @Test
    void startsWhenTheProducerGivesUpFirst() {
        assertThatCode(() -> relay(Duration.ofSeconds(10), "8000")).doesNotThrowAnyException();
    }

    private static OutboxRelay relay(Duration sendTimeout, String deliveryTimeoutMs) {
        Map<String, Object> producer = new HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        if (deliveryTimeoutMs != null) {
            producer.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryTimeoutMs);
        }
        KafkaTemplate<String, Object> kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer));
        return new OutboxRelay(null, kafka, List.of(), new SimpleMeterRegistry(), Duration.ofMillis(500), sendTimeout);
    }
}
