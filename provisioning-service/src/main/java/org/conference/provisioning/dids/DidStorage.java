package org.conference.provisioning.dids;

import static org.conference.provisioning.dids.DidDocument.COLLECTION;

import java.util.List;

import org.conference.common.events.Topics;
import org.conference.provisioning.outbox.PublishedCollection;
import org.conference.provisioning.support.CollectionIndex;
import org.conference.provisioning.support.IndexDeclarations;
import org.conference.provisioning.support.UniqueIndexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where DIDs are kept: their collection's indexes and the state topic their changes go to. */
@Configuration(proxyBeanMethods = false)
class DidStorage {

    @Bean
    PublishedCollection<DidDocument> didsToKafka() {
        return new PublishedCollection<>(DidDocument.class, COLLECTION, Topics.DIDS);
    }

    @Bean
    IndexDeclarations didIndexes() {
        return () -> List.of(
                CollectionIndex.unique(COLLECTION, "phoneNumber", UniqueIndexes.PHONE_NUMBER),
                CollectionIndex.ascending(COLLECTION, "didGroupId"),
                CollectionIndex.ascending(COLLECTION, "ownerLineage"));
    }
}
