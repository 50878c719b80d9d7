package org.conference.simulator.support;

import java.util.List;

import org.conference.common.events.TopicDeclarations;
import org.conference.common.events.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The simulator's topics (ARCHITECTURE.md §4). */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    @Bean
    KafkaAdmin.NewTopics telephonyTopics(TopicDeclarations declarations) {
        return declarations.declare(List.of(Topics.TELEPHONY_EVENTS), List.of(Topics.TELEPHONY_COMMANDS));
    }
}
