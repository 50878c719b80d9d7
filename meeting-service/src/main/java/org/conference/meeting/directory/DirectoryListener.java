package org.conference.meeting.directory;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.conference.common.events.DidGroupReference;
import org.conference.common.events.DidGroupState;
import org.conference.common.events.DidState;
import org.conference.common.events.MeetingRoomState;
import org.conference.common.events.SubscriberState;
import org.conference.common.events.Topics;
import org.conference.meeting.support.ListenerWork;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Feeds the read model from the compacted provisioning topics, from the earliest offset, in one consumer group
 * shared by every instance: the read model lives in Mongo, so each instance may apply any partition.
 */
@Component
class DirectoryListener {

    private static final String GROUP = "meeting-service.directory";

    private final DirectoryStore store;
    private final ListenerWork work;

    DirectoryListener(DirectoryStore store, ListenerWork work) {
        this.store = store;
        this.work = work;
    }

    @KafkaListener(topics = Topics.DIDS, groupId = GROUP,
            properties = "spring.json.value.default.type=org.conference.common.events.DidState")
    void onDid(ConsumerRecord<String, DidState> record) {
        DidState did = record.value();
        work.await(did == null ? store.delete(DirectoryEntries.DIDS, Long.parseLong(record.key()))
                : store.putIfNewer(DirectoryEntries.DIDS, did.id(), did.version(), new DirectoryEntries.DidEntry(
                        did.id(), did.phoneNumber(), did.didGroupId(), orEmpty(did.attributes()), did.version())).then());
    }

    @KafkaListener(topics = Topics.DID_GROUPS, groupId = GROUP,
            properties = "spring.json.value.default.type=org.conference.common.events.DidGroupState")
    void onDidGroup(ConsumerRecord<String, DidGroupState> record) {
        DidGroupState group = record.value();
        work.await(group == null ? store.delete(DirectoryEntries.DID_GROUPS, Long.parseLong(record.key()))
                : store.putIfNewer(DirectoryEntries.DID_GROUPS, group.id(), group.version(),
                        new DirectoryEntries.DidGroupEntry(group.id(), group.callFlowId(), group.subscriberSid(),
                                orEmpty(group.attributes()), group.version())).then());
    }

    @KafkaListener(topics = Topics.MEETING_ROOMS, groupId = GROUP,
            properties = "spring.json.value.default.type=org.conference.common.events.MeetingRoomState")
    void onRoom(ConsumerRecord<String, MeetingRoomState> record) {
        MeetingRoomState room = record.value();
        if (room == null) {
            work.await(store.delete(DirectoryEntries.ROOMS, Long.parseLong(record.key())));
            return;
        }
        List<Long> reachableThrough = orEmpty(room.didGroupReferences()).stream()
                .filter(reference -> reference.state() == 0).map(DidGroupReference::didGroupId).distinct().toList();
        work.await(store.putIfNewer(DirectoryEntries.ROOMS, room.meetingNumber(), room.version(),
                new DirectoryEntries.RoomEntry(room.meetingNumber(), room.subscriberSid(), reachableThrough,
                        orEmpty(room.keychain()), orEmpty(room.attributes()), room.version())));
    }

    @KafkaListener(topics = Topics.SUBSCRIBERS, groupId = GROUP,
            properties = "spring.json.value.default.type=org.conference.common.events.SubscriberState")
    void onSubscriber(ConsumerRecord<String, SubscriberState> record) {
        SubscriberState subscriber = record.value();
        Mono<?> change = subscriber == null ? store.delete(DirectoryEntries.SUBSCRIBERS, record.key())
                : store.putIfNewer(DirectoryEntries.SUBSCRIBERS, subscriber.sid(), subscriber.version(),
                        new DirectoryEntries.SubscriberEntry(subscriber.sid(), subscriber.firstName(),
                                subscriber.lastName(), orEmpty(subscriber.lineage()), subscriber.version()));
        work.await(change);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
