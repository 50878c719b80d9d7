package org.conference.edge.support;

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

/** The edge's topics (ARCHITECTURE.md §4), declared as the simulator declares them. */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    @Bean
    KafkaAdmin.NewTopics telephonyTopics(TopicDeclarations declarations) {
        return declarations.declare(List.of(Topics.TELEPHONY_EVENTS), List.of(Topics.TELEPHONY_COMMANDS));
    }

    @Bean
    TelephonyPublisher telephonyPublisher(KafkaTemplate<String, Object> kafka, MeterRegistry meters) {
        // what follows an acknowledgement is mostly a SIP message: JAIN-SIP's send path takes locks and writes sockets
        return new TelephonyPublisher(kafka, meters, "edge.events", Schedulers.boundedElastic());
    }
}
