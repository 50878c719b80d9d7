package org.conference.media.recordings;

import java.time.Clock;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * The recordings already stored, by recording name: the name is the document's {@code _id}, so the collection's
 * unique index is what makes a redelivered {@code recording.completed} store nothing new.
 */
@Component
class RecordingLedger {

    static final String COLLECTION = "recordings";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock = Clock.systemUTC();

    RecordingLedger(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    record Entry(@Id String recordingName, long meetingNumber, String subscriberSid, String fileName,
            long storedAt) {
    }

    Mono<Boolean> has(String recordingName) {
        return mongo.findById(recordingName, Entry.class, COLLECTION).hasElement();
    }

    /** True when an earlier recording of {@code subscriberSid} was stored as {@code fileName}. */
    Mono<Boolean> holdsFileName(String subscriberSid, String fileName) {
        return mongo.exists(Query.query(Criteria.where("subscriberSid").is(subscriberSid).and("fileName").is(fileName)),
                Entry.class, COLLECTION);
    }

    Mono<Void> record(String recordingName, long meetingNumber, String subscriberSid, String fileName) {
        return mongo.insert(new Entry(recordingName, meetingNumber, subscriberSid, fileName, clock.millis()),
                        COLLECTION)
                .onErrorResume(DuplicateKeyException.class, already -> Mono.empty())
                .then();
    }
}
