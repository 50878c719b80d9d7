package org.conference.media.files;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.conference.common.events.MediaEvent;
import org.conference.common.persistence.ConcurrentWriteException;
import org.conference.common.persistence.OptimisticWrites;
import org.conference.common.persistence.SoftDeletion;
import org.conference.common.query.ListQuery;
import org.conference.common.query.MongoQueries;
import org.conference.common.query.Page;
import org.conference.media.outbox.EventRelay;
import org.conference.media.outbox.Outbox;
import org.conference.media.outbox.RelayedCollection;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The descriptors' collection. Every change is one single-document write that carries its event into the document's
 * outbox and, for an existing document, is guarded by the version it was computed from; the relay is woken after.
 */
@Component
class FileDescriptors implements InitializingBean {

    private final ReactiveMongoTemplate mongo;
    private final EventRelay relay;

    FileDescriptors(ReactiveMongoTemplate mongo, EventRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    /** Start-up: lists by owner, the sweep by content, recordings by name, the relay by its flag. */
    @Override
    public void afterPropertiesSet() {
        Flux.concat(
                        mongo.indexOps(FileDocument.COLLECTION).createIndex(new Index("subscriberSid", Direction.ASC)),
                        mongo.indexOps(FileDocument.COLLECTION).createIndex(new Index("contentId", Direction.ASC)),
                        mongo.indexOps(FileDocument.COLLECTION).createIndex(new Index("recordingName", Direction.ASC)),
                        mongo.indexOps(FileDocument.COLLECTION).createIndex(new Index(Outbox.PENDING, Direction.ASC)))
                .then().block();
    }

    record Usage(long files, long bytes) {
    }

    /** The document of that name, live or deleted but not yet relayed. */
    Mono<FileDocument> any(String subscriberSid, String name) {
        return mongo.findById(FileDocument.idOf(subscriberSid, name), FileDocument.class, FileDocument.COLLECTION);
    }

    Mono<FileDocument> live(String subscriberSid, String name) {
        return any(subscriberSid, name).filter(found -> !found.deleted());
    }

    Flux<FileDocument> live(String subscriberSid, Collection<String> names) {
        List<String> ids = names.stream().map(name -> FileDocument.idOf(subscriberSid, name)).toList();
        return mongo.find(SoftDeletion.liveWhere(Criteria.where("_id").in(ids)), FileDocument.class,
                FileDocument.COLLECTION);
    }

    Flux<FileDocument> allLive(String subscriberSid) {
        return mongo.find(SoftDeletion.liveWhere(Criteria.where("subscriberSid").is(subscriberSid)),
                FileDocument.class, FileDocument.COLLECTION);
    }

    Mono<FileDocument> byRecording(String recordingName) {
        return mongo.findOne(SoftDeletion.liveWhere(Criteria.where("recordingName").is(recordingName)),
                FileDocument.class, FileDocument.COLLECTION);
    }

    Mono<Usage> usage(String subscriberSid) {
        Aggregation sum = Aggregation.newAggregation(
                Aggregation.match(SoftDeletion.live(Criteria.where("subscriberSid").is(subscriberSid))),
                Aggregation.group("subscriberSid").count().as("files").sum("size").as("bytes"));
        return mongo.aggregate(sum, FileDocument.COLLECTION, Document.class).next()
                .map(found -> new Usage(((Number) found.get("files")).longValue(),
                        ((Number) found.get("bytes")).longValue()))
                .defaultIfEmpty(new Usage(0, 0));
    }

    /** Every live file of every subscriber, recordings included, and their bytes. */
    Mono<Usage> usage() {
        Aggregation sum = Aggregation.newAggregation(Aggregation.match(SoftDeletion.live()),
                Aggregation.group().count().as("files").sum("size").as("bytes"));
        return mongo.aggregate(sum, FileDocument.COLLECTION, Document.class).next()
                .map(found -> new Usage(((Number) found.get("files")).longValue(),
                        ((Number) found.get("bytes")).longValue()))
                .defaultIfEmpty(new Usage(0, 0));
    }

    Mono<Page<FileDocument>> page(String subscriberSid, ListQuery request) {
        List<Criteria> all = new ArrayList<>();
        all.add(SoftDeletion.live(Criteria.where("subscriberSid").is(subscriberSid)));
        if (!request.filter().isEmpty()) {
            all.add(MongoQueries.toCriteria(request.filter()));
        }
        Criteria criteria = new Criteria().andOperator(all);
        Query page = new Query(criteria).with(MongoQueries.toSort(request)).skip(request.offset())
                .limit(request.limit());
        return Mono.zip(mongo.find(page, FileDocument.class, FileDocument.COLLECTION).collectList(),
                        mongo.count(new Query(criteria), FileDocument.COLLECTION))
                .map(found -> new Page<>(found.getT1(), request.offset(), found.getT2()));
    }

    /** True when some descriptor, live or not yet relayed, points at the content. */
    Mono<Boolean> references(ObjectId contentId) {
        return mongo.exists(Query.query(Criteria.where("contentId").is(contentId)), FileDocument.COLLECTION);
    }

    /**
     * Makes {@code next} the file of its name: inserted when {@code current} is null, else switched over
     * {@code current} if nobody wrote since it was read ({@link ConcurrentWriteException} otherwise). The events go
     * into the same write.
     */
    Mono<FileDocument> put(FileDocument current, FileDocument next, List<MediaEvent> events) {
        if (current == null) {
            FileDocument inserted = withOutbox(next, new Outbox(true, events));
            return mongo.insert(inserted, FileDocument.COLLECTION)
                    .onErrorMap(DuplicateKeyException.class,
                            lost -> new ConcurrentWriteException(FileDocument.COLLECTION, next.id()))
                    .doOnSuccess(saved -> relay.wake());
        }
        Update switchOver = new Update()
                .set("size", next.size()).set("duration", next.duration()).set("contentType", next.contentType())
                .set("contentId", next.contentId()).set("modified", next.modified())
                .set("recordingName", next.recordingName()).set("deleted", false)
                .set("version", current.version() + 1);
        return guarded(current, switchOver, events).thenReturn(next);
    }

    /** Flags the file deleted (its content is no longer pointed at) and queues {@code event}. */
    Mono<Void> markDeleted(FileDocument current, MediaEvent event) {
        Update delete = new Update().set("deleted", true).unset("contentId").set("version", current.version() + 1);
        return guarded(current, delete, List.of(event));
    }

    private Mono<Void> guarded(FileDocument current, Update update, List<MediaEvent> events) {
        update.set(Outbox.PENDING, true).push(Outbox.EVENTS).each(events.toArray());
        return mongo.updateFirst(OptimisticWrites.sameVersion(current), update, FileDocument.COLLECTION)
                .flatMap(result -> result.getMatchedCount() == 1 ? Mono.<Void>empty()
                        : Mono.error(new ConcurrentWriteException(FileDocument.COLLECTION, current.id())))
                .doOnSuccess(done -> relay.wake());
    }

    private static FileDocument withOutbox(FileDocument document, Outbox outbox) {
        return new FileDocument(document.id(), document.subscriberSid(), document.name(), document.size(),
                document.duration(), document.contentType(), document.contentId(), document.modified(),
                document.recordingName(), document.version(), document.deleted(), outbox);
    }

    @Configuration(proxyBeanMethods = false)
    static class Relayed {

        @Bean
        RelayedCollection relayedFiles() {
            return new RelayedCollection(FileDocument.COLLECTION);
        }
    }
}
