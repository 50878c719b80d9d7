package org.conference.provisioning.support;

import java.time.Duration;

import org.conference.provisioning.didgroups.DidGroupDocument;
import org.conference.provisioning.dids.DidDocument;
import org.conference.provisioning.rooms.RoomDocument;
import org.conference.provisioning.subscribers.SubscriberDocument;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;

/**
 * The indexes the rules rely on: unique ones are the concurrency guarantees (logins, tokens, meeting numbers, phone
 * numbers, access codes per DID group), the others serve visibility, list queries and the outbox relay.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class MongoIndexes implements ApplicationRunner {

    private final ReactiveMongoTemplate mongo;

    MongoIndexes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        Flux.concat(
                index(SubscriberDocument.COLLECTION, unique("login", UniqueIndexes.LOGIN)),
                // Logins are unique whatever their letter case; deleted subscribers have no normalized login.
                index(SubscriberDocument.COLLECTION,
                        unique("normalizedLogin", UniqueIndexes.NORMALIZED_LOGIN).sparse()),
                index(SubscriberDocument.COLLECTION,
                        unique("authenticationToken", UniqueIndexes.AUTHENTICATION_TOKEN).sparse()),
                index(SubscriberDocument.COLLECTION, new Index("lineage", Sort.Direction.ASC)),
                index(SubscriberDocument.COLLECTION, new Index("parentSid", Sort.Direction.ASC)),
                index(RoomDocument.COLLECTION, unique("meetingNumber", UniqueIndexes.MEETING_NUMBER)),
                index(RoomDocument.COLLECTION, unique("accessKeys", UniqueIndexes.ACCESS_KEYS)),
                index(RoomDocument.COLLECTION, new Index("subscriberSid", Sort.Direction.ASC)),
                index(RoomDocument.COLLECTION, new Index("ownerLineage", Sort.Direction.ASC)),
                index(RoomDocument.COLLECTION, new Index("didGroupReferences.didGroupId", Sort.Direction.ASC)),
                index(DidDocument.COLLECTION, unique("phoneNumber", UniqueIndexes.PHONE_NUMBER)),
                index(DidDocument.COLLECTION, new Index("didGroupId", Sort.Direction.ASC)),
                index(DidDocument.COLLECTION, new Index("ownerLineage", Sort.Direction.ASC)),
                index(DidGroupDocument.COLLECTION, new Index("ownerLineage", Sort.Direction.ASC)),
                index(DidGroupDocument.COLLECTION, new Index("subscriberSid", Sort.Direction.ASC)),
                Flux.just(SubscriberDocument.COLLECTION, RoomDocument.COLLECTION, DidDocument.COLLECTION,
                                DidGroupDocument.COLLECTION)
                        .concatMap(collection -> index(collection, new Index("outbox.pending", Sort.Direction.ASC))))
                .then()
                // Start-up: the unique indexes must exist before the first request relies on them.
                .block(Duration.ofSeconds(60));
    }

    private static Index unique(String field, String name) {
        return new Index(field, Sort.Direction.ASC).unique().named(name);
    }

    private Flux<String> index(String collection, Index index) {
        return mongo.indexOps(collection).createIndex(index).flux();
    }
}
