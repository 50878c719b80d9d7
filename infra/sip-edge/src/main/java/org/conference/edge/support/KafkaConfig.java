package org.conference.edge.support;

import java.util.List;

import org.conference.common.events.TopicDeclarations;
import org.conference.common.events.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The edge's topics (ARCHITECTURE.md §4), declared as the simulator declares them. */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    @Bean
    KafkaAdmin.NewTopics telephonyTopics(TopicDeclarations declarations) {
        return declarations.declare(List.of(Topics.TELEPHONY_EVENTS), List.of(Topics.TELEPHONY_COMMANDS));
    }
}
