package org.conference.media.storage;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.BsonObjectId;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.ReactiveMongoDatabaseFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.reactivestreams.client.gridfs.GridFSBucket;
import com.mongodb.reactivestreams.client.gridfs.GridFSBuckets;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * File content in GridFS (bucket {@value #BUCKET}), streamed both ways: an upload is written chunk by chunk as its
 * bytes arrive, a download reads only the chunks its byte range needs, a few at a time. Content is immutable: a
 * replacement is new content under a fresh id, so a reader of the old id is never disturbed by a writer.
 * <p>
 * Every GridFS id is an {@link ObjectId} made when its upload starts, so its timestamp tells how old unfinished
 * content (chunks without a files document) is: that is what the orphan sweep goes by.
 */
@Component
public class ContentStore {

    static final String BUCKET = "content";
    static final String FILES = BUCKET + ".files";
    static final String CHUNKS = BUCKET + ".chunks";
    /** Chunks a download holds in memory at most (each up to the chunk size, 255 KiB). */
    private static final int CHUNKS_PER_READ = 4;

    private final ReactiveMongoTemplate mongo;
    private final Mono<GridFSBucket> bucket;

    public ContentStore(ReactiveMongoTemplate mongo, ReactiveMongoDatabaseFactory databases) {
        this.mongo = mongo;
        this.bucket = databases.getMongoDatabase().map(database -> GridFSBuckets.create(database, BUCKET)).cache();
    }

    /**
     * Streams {@code content} into GridFS under a fresh id. More than {@code limitBytes} bytes fails the upload with
     * {@link ContentLimitExceeded}; any failure removes the chunks already written, so nothing of it stays.
     */
    public Mono<StoredContent> upload(String filename, Document metadata, Flux<DataBuffer> content, long limitBytes) {
        ObjectId id = new ObjectId();
        AtomicLong received = new AtomicLong();
        Flux<ByteBuffer> bytes = content.map(buffer -> {
            try {
                if (received.addAndGet(buffer.readableByteCount()) > limitBytes) {
                    throw new ContentLimitExceeded(limitBytes);
                }
                byte[] copy = new byte[buffer.readableByteCount()];
                buffer.read(copy);
                return ByteBuffer.wrap(copy);
            } finally {
                DataBufferUtils.release(buffer);
            }
        });
        GridFSUploadOptions options = new GridFSUploadOptions().metadata(metadata);
        return bucket.flatMap(gridFs -> Mono.from(gridFs.uploadFromPublisher(new BsonObjectId(id), filename, bytes,
                        options)))
                .then(Mono.defer(() -> describe(id)))
                // a clean-up that fails too leaves the chunks to the orphan sweep; the client hears the first failure
                .onErrorResume(failure -> delete(id).onErrorResume(cleanUp -> Mono.empty()).then(Mono.error(failure)));
    }

    private Mono<StoredContent> describe(ObjectId id) {
        return mongo.findById(id, Document.class, FILES)
                .map(files -> new StoredContent(id, ((Number) files.get("length")).longValue(),
                        files.getDate("uploadDate").toInstant()))
                .switchIfEmpty(Mono.error(new IllegalStateException("GridFS has no files document for " + id)));
    }

    /** Bytes {@code first} to {@code last} (inclusive) of the content; reads only the chunks that hold them. */
    public Flux<DataBuffer> read(ObjectId id, long first, long last) {
        if (last < first) {
            return Flux.empty();
        }
        return mongo.findById(id, Document.class, FILES)
                .switchIfEmpty(Mono.error(new IllegalStateException("no content " + id)))
                .flatMapMany(files -> {
                    long chunkSize = ((Number) files.get("chunkSize")).longValue();
                    long firstChunk = first / chunkSize;
                    long lastChunk = last / chunkSize;
                    Query chunks = Query.query(Criteria.where("files_id").is(id).and("n").gte(firstChunk)
                                    .lte(lastChunk))
                            .with(Sort.by("n")).cursorBatchSize(CHUNKS_PER_READ);
                    return mongo.find(chunks, Document.class, CHUNKS).concatMap(chunk -> {
                        long n = ((Number) chunk.get("n")).longValue();
                        byte[] data = chunk.get("data", Binary.class).getData();
                        long chunkStart = n * chunkSize;
                        int from = (int) Math.max(0, first - chunkStart);
                        int to = (int) Math.min(data.length, last - chunkStart + 1);
                        return to <= from ? Mono.empty()
                                : Mono.just(DefaultDataBufferFactory.sharedInstance.wrap(
                                        ByteBuffer.wrap(data, from, to - from)));
                    }, 1);
                });
    }

    /** Removes the content, finished or not; nothing happens for an id that has none. */
    public Mono<Void> delete(ObjectId id) {
        return mongo.remove(Query.query(Criteria.where("files_id").is(id)), CHUNKS)
                .then(mongo.remove(Query.query(Criteria.where("_id").is(id)), FILES))
                .then();
    }

    /** Every content id, finished or not, whose upload started before {@code cutoff}. */
    public Flux<ObjectId> startedBefore(Instant cutoff) {
        ObjectId bound = new ObjectId(Date.from(cutoff));
        Flux<ObjectId> finished = mongo.findDistinct(Query.query(Criteria.where("_id").lt(bound)), "_id", FILES,
                ObjectId.class);
        Flux<ObjectId> partial = mongo.findDistinct(Query.query(Criteria.where("files_id").lt(bound)), "files_id",
                CHUNKS, ObjectId.class);
        return Flux.concat(finished, partial).distinct();
    }
}
