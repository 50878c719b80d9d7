package org.conference.meeting.meetings;

import org.bson.Document;
import org.conference.common.persistence.OptimisticWrites;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The meeting documents. Writers replace a document only at the version they read (so two instances never lose each
 * other's change); the relay only sets its marks ({@code *Through}, {@code deadlineMirrored}), which writers never
 * set.
 */
@Component
class MeetingStore implements InitializingBean {

    private static final String[] RELAY_FIELDS = {"publishedThrough", "commandsPublishedThrough", "projectedThrough",
        "deadlineMirrored"};

    private final ReactiveMongoTemplate mongo;

    MeetingStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Start-up: the relay's sweep looks for pending documents, lists for live ones the caller may see. */
    @Override
    public void afterPropertiesSet() {
        Flux.concat(
                mongo.indexOps(MeetingDocument.COLLECTION).createIndex(new Index("pending", Direction.ASC)),
                mongo.indexOps(MeetingDocument.COLLECTION).createIndex(new Index("ownerLineage", Direction.ASC)))
                .then().block();
    }

    Mono<MeetingDocument> find(long meetingNumber) {
        return mongo.findById(meetingNumber, MeetingDocument.class, MeetingDocument.COLLECTION);
    }

    Mono<Long> count(Query query) {
        return mongo.count(query, MeetingDocument.class, MeetingDocument.COLLECTION);
    }

    /**
     * Writes {@code next} if the document is still at {@code readVersion} (0: it did not exist); false when another
     * writer got there first.
     */
    Mono<Boolean> write(long readVersion, MeetingDocument next) {
        if (readVersion == 0) {
            return mongo.insert(next, MeetingDocument.COLLECTION).thenReturn(true)
                    .onErrorResume(DuplicateKeyException.class, raced -> Mono.just(false));
        }
        Document fields = new Document();
        mongo.getConverter().write(next, fields);
        fields.remove("_id");
        fields.remove("_class");
        for (String relayField : RELAY_FIELDS) {
            fields.remove(relayField);
        }
        return mongo.updateFirst(OptimisticWrites.sameVersion(next.meetingNumber(), readVersion),
                        Update.fromDocument(new Document("$set", fields)),
                        MeetingDocument.COLLECTION)
                .map(result -> result.getMatchedCount() == 1);
    }

    /**
     * Records how far the relay got (the publication marks only ever grow; the mirrored deadline is what the relay
     * holding the meeting's lease just made the timer) and drops what it published: a writer carries only the
     * unpublished entries over anyway, but until its next write the document would keep them, and a meeting's last
     * batch (a thousand leaves) would stay in it for good, read by every sweep and list.
     */
    Mono<Void> relayed(long meetingNumber, long events, long commands, long projections, long deadlineMirrored) {
        Update marks = new Update().max("publishedThrough", events).max("commandsPublishedThrough", commands)
                .max("projectedThrough", projections).set("deadlineMirrored", deadlineMirrored)
                .pull("events", new Document("sequence", new Document("$lte", events)))
                .pull("commands", new Document("number", new Document("$lte", commands)))
                .pull("projections", new Document("version", new Document("$lte", projections)));
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(meetingNumber)), marks,
                MeetingDocument.COLLECTION).then();
    }

    /** Clears the pending flag if nothing was written since {@code version}. */
    Mono<Boolean> settled(long meetingNumber, long version) {
        return mongo.updateFirst(OptimisticWrites.sameVersion(meetingNumber, version), new Update().set("pending", false),
                        MeetingDocument.COLLECTION)
                .map(result -> result.getMatchedCount() == 1);
    }

    Flux<Long> pendingMeetingNumbers(int limit) {
        Query pending = Query.query(Criteria.where("pending").is(true)).limit(limit);
        pending.fields().include("_id");
        return mongo.find(pending, Document.class, MeetingDocument.COLLECTION)
                .map(document -> ((Number) document.get("_id")).longValue());
    }
}
