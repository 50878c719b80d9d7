package org.conference.provisioning.didgroups;

import static org.conference.provisioning.didgroups.DidGroupDocument.COLLECTION;

import java.util.List;

import org.conference.common.events.Topics;
import org.conference.provisioning.outbox.PublishedCollection;
import org.conference.provisioning.support.CollectionIndex;
import org.conference.provisioning.support.IndexDeclarations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where DID groups are kept: their collection's indexes and the state topic their changes go to. */
@Configuration(proxyBeanMethods = false)
class DidGroupStorage {

    @Bean
    PublishedCollection<DidGroupDocument> didGroupsToKafka() {
        return new PublishedCollection<>(DidGroupDocument.class, COLLECTION, Topics.DID_GROUPS);
    }

    @Bean
    IndexDeclarations didGroupIndexes() {
        return () -> List.of(
                CollectionIndex.ascending(COLLECTION, "ownerLineage"),
                CollectionIndex.ascending(COLLECTION, "subscriberSid"));
    }
}
