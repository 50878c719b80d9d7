package org.conference.provisioning.outbox;

import org.conference.common.events.Topics;
import org.conference.provisioning.didgroups.DidGroupDocument;
import org.conference.provisioning.dids.DidDocument;
import org.conference.provisioning.rooms.RoomDocument;
import org.conference.provisioning.subscribers.SubscriberDocument;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Which collection feeds which compacted state topic (ARCHITECTURE.md §4). */
@Configuration(proxyBeanMethods = false)
class PublishedCollections {

    @Bean
    PublishedCollection<SubscriberDocument> subscribersToKafka() {
        return new PublishedCollection<>(SubscriberDocument.class, SubscriberDocument.COLLECTION, Topics.SUBSCRIBERS);
    }

    @Bean
    PublishedCollection<DidGroupDocument> didGroupsToKafka() {
        return new PublishedCollection<>(DidGroupDocument.class, DidGroupDocument.COLLECTION, Topics.DID_GROUPS);
    }

    @Bean
    PublishedCollection<DidDocument> didsToKafka() {
        return new PublishedCollection<>(DidDocument.class, DidDocument.COLLECTION, Topics.DIDS);
    }

    @Bean
    PublishedCollection<RoomDocument> meetingRoomsToKafka() {
        return new PublishedCollection<>(RoomDocument.class, RoomDocument.COLLECTION, Topics.MEETING_ROOMS);
    }
}
