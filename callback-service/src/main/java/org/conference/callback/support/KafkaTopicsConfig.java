package org.conference.callback.support;

import java.util.List;

import org.conference.common.events.TopicDeclarations;
import org.conference.common.events.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The topics this service publishes and consumes (ARCHITECTURE.md §4). */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfig {

    @Bean
    KafkaAdmin.NewTopics conferenceTopics(TopicDeclarations declarations) {
        return declarations.declare(
                List.<String>of(),
                List.of(Topics.SUBSCRIBERS, Topics.MEETING_EVENTS, Topics.MEDIA_EVENTS));
    }
}
