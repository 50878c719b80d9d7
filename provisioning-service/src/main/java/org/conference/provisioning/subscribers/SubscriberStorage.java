package org.conference.provisioning.subscribers;

import static org.conference.provisioning.subscribers.SubscriberDocument.COLLECTION;

import java.util.List;

import org.conference.common.events.Topics;
import org.conference.provisioning.outbox.PublishedCollection;
import org.conference.provisioning.support.CollectionIndex;
import org.conference.provisioning.support.IndexDeclarations;
import org.conference.provisioning.support.UniqueIndexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where subscribers are kept: their collection's indexes and the state topic their changes go to. */
@Configuration(proxyBeanMethods = false)
class SubscriberStorage {

    @Bean
    PublishedCollection<SubscriberDocument> subscribersToKafka() {
        return new PublishedCollection<>(SubscriberDocument.class, COLLECTION, Topics.SUBSCRIBERS);
    }

    @Bean
    IndexDeclarations subscriberIndexes() {
        return () -> List.of(
                CollectionIndex.unique(COLLECTION, "login", UniqueIndexes.LOGIN),
                // Logins are unique whatever their letter case; deleted subscribers have no normalized login.
                CollectionIndex.unique(COLLECTION, "normalizedLogin", UniqueIndexes.NORMALIZED_LOGIN).sparse(),
                CollectionIndex.unique(COLLECTION, "authenticationToken", UniqueIndexes.AUTHENTICATION_TOKEN).sparse(),
                CollectionIndex.ascending(COLLECTION, "lineage"),
                CollectionIndex.ascending(COLLECTION, "parentSid"));
    }
}
