package org.conference.media.directory;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.conference.common.events.MeetingRoomState;
import org.conference.common.events.SubscriberState;
import org.conference.common.events.Topics;
import org.conference.media.support.ListenerWork;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the read model from the compacted provisioning topics, from the earliest offset, in one consumer group shared
 * by every instance (the model lives in Mongo, so any instance may apply any partition).
 */
@Component
class DirectoryListener {

    private static final String GROUP = "media-service.directory";

    private final DirectoryStore store;
    private final ListenerWork work;

    DirectoryListener(DirectoryStore store, ListenerWork work) {
        this.store = store;
        this.work = work;
    }

    @KafkaListener(topics = Topics.SUBSCRIBERS, groupId = GROUP,
            properties = "spring.json.value.default.type=org.conference.common.events.SubscriberState")
    void onSubscriber(ConsumerRecord<String, SubscriberState> record) {
        SubscriberState subscriber = record.value();
        work.await(subscriber == null ? store.delete(DirectoryEntries.SUBSCRIBERS, record.key()).thenReturn(true)
                : store.putIfNewer(DirectoryEntries.SUBSCRIBERS, subscriber.sid(), subscriber.version(),
                        new DirectoryEntries.SubscriberEntry(subscriber.sid(),
                                subscriber.lineage() == null ? List.of(subscriber.sid()) : subscriber.lineage(),
                                subscriber.version())));
    }

    @KafkaListener(topics = Topics.MEETING_ROOMS, groupId = GROUP,
            properties = "spring.json.value.default.type=org.conference.common.events.MeetingRoomState")
    void onRoom(ConsumerRecord<String, MeetingRoomState> record) {
        MeetingRoomState room = record.value();
        work.await(room == null ? store.delete(DirectoryEntries.ROOMS, Long.parseLong(record.key())).thenReturn(true)
                : store.putIfNewer(DirectoryEntries.ROOMS, room.meetingNumber(), room.version(),
                        new DirectoryEntries.RoomEntry(room.meetingNumber(), room.subscriberSid(), room.version())));
    }
}
