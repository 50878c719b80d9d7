package org.conference.callback.intake;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.conference.callback.support.ListenerWork;
import org.conference.common.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The two event topics, in one consumer group shared by every instance. A record's offset is committed only after
 * its deliveries are stored: a crash before that brings the record back, and the stored deliveries make the second
 * pass create nothing new. Meeting events are ordered per meeting; media events need no order. Both start once the
 * read model has caught up ({@link IntakeStart}).
 */
@Component
class EventListener {

    private final EventIntake intake;
    private final ListenerWork work;

    EventListener(EventIntake intake, ListenerWork work) {
        this.intake = intake;
        this.work = work;
    }

    @KafkaListener(id = IntakeStart.MEETING_EVENTS, idIsGroup = false, autoStartup = "false",
            topics = Topics.MEETING_EVENTS, groupId = "${conference.callbacks.consumer-group:callback-service}.events",
            concurrency = "${conference.callbacks.intake-concurrency:3}")
    void onMeetingEvent(ConsumerRecord<String, Map<String, Object>> record) {
        work.await(intake.accept(record.value(), true));
    }

    @KafkaListener(id = IntakeStart.MEDIA_EVENTS, idIsGroup = false, autoStartup = "false",
            topics = Topics.MEDIA_EVENTS, groupId = "${conference.callbacks.consumer-group:callback-service}.media",
            concurrency = "${conference.callbacks.intake-concurrency:3}")
    void onMediaEvent(ConsumerRecord<String, Map<String, Object>> record) {
        work.await(intake.accept(record.value(), false));
    }
}
