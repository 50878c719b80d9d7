package org.conference.simulator.support;

import java.util.List;

import org.conference.common.events.TopicDeclarations;
import org.conference.common.events.Topics;
import org.conference.common.telephony.TelephonyPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.scheduler.Schedulers;

/** The simulator's topics (ARCHITECTURE.md §4). */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    @Bean
    KafkaAdmin.NewTopics telephonyTopics(TopicDeclarations declarations) {
        return declarations.declare(List.of(Topics.TELEPHONY_EVENTS), List.of(Topics.TELEPHONY_COMMANDS));
    }

    @Bean
    TelephonyPublisher telephonyPublisher(KafkaTemplate<String, Object> kafka, MeterRegistry meters) {
        // what follows an acknowledgement is the simulator's own bookkeeping, which never blocks
        return new TelephonyPublisher(kafka, meters, "simulator.events", Schedulers.parallel());
    }
}
