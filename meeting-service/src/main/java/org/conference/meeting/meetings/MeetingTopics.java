package org.conference.meeting.meetings;

import java.util.List;

import org.conference.common.events.TopicDeclarations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The meeting requests topic this feature both publishes and consumes, with its dead-letter companion. */
@Configuration(proxyBeanMethods = false)
class MeetingTopics {

    @Bean
    KafkaAdmin.NewTopics meetingRequestTopics(TopicDeclarations declarations) {
        return declarations.declare(List.of(), List.of(MeetingRequest.TOPIC));
    }
}
