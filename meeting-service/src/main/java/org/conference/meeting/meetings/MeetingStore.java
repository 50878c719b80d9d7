package org.conference.meeting.meetings;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.beans.factory.InitializingBean;
import org.bson.Document;
import org.conference.common.persistence.OptimisticWrites;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
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
 *
 * <p>A meeting's document grows with its participants, and each batch of requests reads it, writes it and has the
 * relay read it again: with a thousand participants, fetching and mapping it is most of a batch's work. So the last
 * document read or written of each meeting is kept, and used again while the stored one is still at its version (one
 * small read says so); the relay's marks change without a new version and are always read fresh. Every instance keeps
 * its own, and a write elsewhere moves the version, so nothing stale is ever used.
 */
@Component
class MeetingStore implements InitializingBean {

    private static final String[] RELAY_FIELDS = {"publishedThrough", "commandsPublishedThrough", "projectedThrough",
        "deadlineMirrored"};
    private static final String VERSION = "version";
    private static final String PENDING = "pending";
    private static final int KEPT_MEETINGS = 16;

    private final ReactiveMongoTemplate mongo;
    private final Map<Long, MeetingDocument> kept = Collections.synchronizedMap(
            new LinkedHashMap<>(KEPT_MEETINGS, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, MeetingDocument> eldest) {
                    return size() > KEPT_MEETINGS;
                }
            });

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
        MeetingDocument known = kept.get(meetingNumber);
        if (known == null) {
            return read(meetingNumber);
        }
        Query head = Query.query(Criteria.where("_id").is(meetingNumber));
        head.fields().include(VERSION, PENDING).include(RELAY_FIELDS);
        return mongo.findOne(head, Document.class, MeetingDocument.COLLECTION)
                .flatMap(stored -> number(stored, VERSION) == known.version() ? Mono.just(relayedSince(known, stored))
                        : read(meetingNumber))
                .switchIfEmpty(Mono.fromRunnable(() -> kept.remove(meetingNumber)));
    }

    private Mono<MeetingDocument> read(long meetingNumber) {
        return mongo.findById(meetingNumber, MeetingDocument.class, MeetingDocument.COLLECTION)
                .doOnNext(document -> kept.put(meetingNumber, document));
    }

    /** {@code known} as the relay has left it since: its marks, and without what they cover. */
    private static MeetingDocument relayedSince(MeetingDocument known, Document stored) {
        long events = number(stored, RELAY_FIELDS[0]);
        long commands = number(stored, RELAY_FIELDS[1]);
        long projections = number(stored, RELAY_FIELDS[2]);
        return new MeetingDocument(known.meetingNumber(), known.live(), known.conference(), known.ownerSid(),
                known.ownerLineage(), known.participantCount(), known.sequence(), events,
                known.events().stream().filter(event -> event.sequence() > events).toList(), known.commandSequence(),
                commands, known.commands().stream().filter(command -> command.number() > commands).toList(),
                projections,
                known.projections().stream().filter(projection -> projection.version() > projections).toList(),
                stored.get(RELAY_FIELDS[3]) instanceof Number mirrored ? mirrored.longValue() : MeetingDeadlines.NONE,
                Boolean.TRUE.equals(stored.get(PENDING)), known.version());
    }

    private static long number(Document stored, String field) {
        return stored.get(field) instanceof Number value ? value.longValue() : 0;
    }

    Mono<Long> count(Query query) {
        return mongo.count(query, MeetingDocument.class, MeetingDocument.COLLECTION);
    }

    /**
     * Writes {@code next} if the document is still at {@code readVersion} (0: it did not exist); false when another
     * writer got there first.
     */
    Mono<Boolean> write(long readVersion, MeetingDocument next) {
        return (readVersion == 0 ? insert(next) : replace(readVersion, next)).doOnNext(won -> {
            if (won) {
                kept.put(next.meetingNumber(), next);
            } else {
                kept.remove(next.meetingNumber());
            }
        });
    }

    private Mono<Boolean> insert(MeetingDocument next) {
        return mongo.insert(next, MeetingDocument.COLLECTION).thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, raced -> Mono.just(false));
    }

    private Mono<Boolean> replace(long readVersion, MeetingDocument next) {
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
     * How far a relay round got: the last event, command and projection (meeting version) it published, and the
     * deadline the meeting's timer now holds ({@code deadlineMoved}: it differs from the document's mark).
     */
    record RelayMarks(long events, long commands, long projections, long deadline, boolean deadlineMoved) {

        /** A round that found nothing owed and the timer as the document says it is. */
        static RelayMarks nothing(long deadline) {
            return new RelayMarks(0, 0, 0, deadline, false);
        }

        boolean recordNothing() {
            return events == 0 && commands == 0 && projections == 0 && !deadlineMoved;
        }
    }

    /**
     * Records how far the relay got (the publication marks only ever grow; the mirrored deadline is what the relay
     * holding the meeting's lease just made the timer) and drops what it published, and if nothing was written since
     * {@code version}, clears the pending flag in the same write: true then. Otherwise the marks are recorded alone
     * and the relay goes round again. (A writer carries only unpublished entries over anyway, but until its next
     * write the document would keep them, and a meeting's last batch, a thousand leaves, would stay in it for good,
     * read by every sweep and list. Every write of a large document costs the MongoDB-wire server as much as the
     * document is large, hence one write, not two, in the usual case.)
     */
    Mono<Boolean> relayed(long meetingNumber, long version, RelayMarks marks) {
        return mongo.updateFirst(OptimisticWrites.sameVersion(meetingNumber, version),
                        recording(marks).set(PENDING, false), MeetingDocument.COLLECTION)
                .flatMap(result -> result.getMatchedCount() == 1 ? Mono.just(true)
                        : marks.recordNothing() ? Mono.just(false)
                        : mongo.updateFirst(Query.query(Criteria.where("_id").is(meetingNumber)), recording(marks),
                                MeetingDocument.COLLECTION).thenReturn(false));
    }

    private static Update recording(RelayMarks marks) {
        return new Update().max(RELAY_FIELDS[0], marks.events()).max(RELAY_FIELDS[1], marks.commands())
                .max(RELAY_FIELDS[2], marks.projections()).set(RELAY_FIELDS[3], marks.deadline())
                .pull("events", new Document("sequence", new Document("$lte", marks.events())))
                .pull("commands", new Document("number", new Document("$lte", marks.commands())))
                .pull("projections", new Document("version", new Document("$lte", marks.projections())));
    }

    Flux<Long> pendingMeetingNumbers(int limit) {
        Query pending = Query.query(Criteria.where("pending").is(true)).limit(limit);
        pending.fields().include("_id");
        return mongo.find(pending, Document.class, MeetingDocument.COLLECTION)
                .map(document -> ((Number) document.get("_id")).longValue());
    }
}
