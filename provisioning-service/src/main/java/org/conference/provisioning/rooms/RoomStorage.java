package org.conference.provisioning.rooms;

import static org.conference.provisioning.rooms.RoomDocument.COLLECTION;

import java.util.List;

import org.conference.common.events.Topics;
import org.conference.provisioning.outbox.PublishedCollection;
import org.conference.provisioning.support.CollectionIndex;
import org.conference.provisioning.support.IndexDeclarations;
import org.conference.provisioning.support.UniqueIndexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where meeting rooms are kept: their collection's indexes and the state topic their changes go to. */
@Configuration(proxyBeanMethods = false)
class RoomStorage {

    @Bean
    PublishedCollection<RoomDocument> meetingRoomsToKafka() {
        return new PublishedCollection<>(RoomDocument.class, COLLECTION, Topics.MEETING_ROOMS);
    }

    @Bean
    IndexDeclarations roomIndexes() {
        return () -> List.of(
                CollectionIndex.unique(COLLECTION, "meetingNumber", UniqueIndexes.MEETING_NUMBER),
                CollectionIndex.unique(COLLECTION, "accessKeys", UniqueIndexes.ACCESS_KEYS),
                CollectionIndex.ascending(COLLECTION, "subscriberSid"),
                CollectionIndex.ascending(COLLECTION, "ownerLineage"),
                CollectionIndex.ascending(COLLECTION, "didGroupReferences.didGroupId"));
    }
}
