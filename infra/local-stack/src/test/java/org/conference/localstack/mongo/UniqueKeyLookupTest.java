package org.conference.localstack.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;

/**
 * Guarded reads and writes (a unique key plus conditions, as meeting-service's version checks write them) against
 * both backends, over the wire: the rest of the query still decides, and no query with a unique-key equality reads
 * the whole collection.
 */
class UniqueKeyLookupTest {

    private static final Document NEXT_STATE = new Document("$set", new Document("state", 2));

    @TempDir
    Path dir;

    private final ScanCounting counting = new ScanCounting();
    private WireServer server;
    private MongoCollection<Document> calls;

    private void start(String backend) {
        server = new WireServer("h2".equals(backend) ? counting.h2Backend(dir.resolve("mongo.mv"))
                : counting.memoryBackend());
        calls = server.database("meeting").getCollection(ScanCounting.COLLECTION);
        calls.createIndex(new Document("edgeCallId", 1), new IndexOptions().unique(true));
        List<Document> documents = new ArrayList<>();
        LongStream.rangeClosed(1, 200).forEach(id -> documents.add(new Document("_id", id)
                .append("edgeCallId", "edge-" + id).append("state", 1)
                .append("lobby", new Document("version", 3L)).append("meetingVersion", 5L)));
        calls.insertMany(documents);
        counting.reset();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "h2"})
    void aWriteAtTheVersionReadChangesTheDocumentAStaleOneChangesNothing(String backend) {
        start(backend);

        assertThat(calls.updateOne(filter("{_id: 7, 'lobby.version': 2}"), NEXT_STATE).getMatchedCount()).isZero();
        assertThat(stateOf(7)).isEqualTo(1);

        assertThat(calls.updateOne(filter("{_id: 7, 'lobby.version': 3}"), NEXT_STATE).getModifiedCount())
                .isEqualTo(1);
        assertThat(stateOf(7)).isEqualTo(2);
        assertThat(stateOf(8)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "h2"})
    void anOperatorGuardNextToTheKeyStillApplies(String backend) {
        start(backend);

        assertThat(calls.updateOne(filter("{_id: 9, meetingVersion: {$lt: 5}}"), NEXT_STATE).getMatchedCount())
                .isZero();
        assertThat(calls.updateOne(filter("{_id: 9, meetingVersion: {$lt: 6}}"), NEXT_STATE).getMatchedCount())
                .isEqualTo(1);
        assertThat(stateOf(9)).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "h2"})
    void aGuardedDeleteRemovesOnlyAMatchingDocument(String backend) {
        start(backend);

        assertThat(calls.deleteOne(filter("{_id: 10, 'lobby.version': 3, meetingVersion: 0}")).getDeletedCount())
                .isZero();
        assertThat(calls.find(filter("{_id: 10}")).first()).isNotNull();

        assertThat(calls.deleteOne(filter("{_id: 10, 'lobby.version': 3, meetingVersion: 5}")).getDeletedCount())
                .isEqualTo(1);
        assertThat(calls.find(filter("{_id: 10}")).first()).isNull();
        assertThat(calls.countDocuments()).isEqualTo(199);
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "h2"})
    void findsCountsAndFindAndModifySeeOnlyAMatchingDocument(String backend) {
        start(backend);

        assertThat(calls.find(filter("{_id: 11, state: 1}")).first()).containsEntry("edgeCallId", "edge-11");
        assertThat(calls.find(filter("{_id: 11, state: 2}")).first()).isNull();
        assertThat(count("{_id: 11, state: 1}")).isEqualTo(1);
        assertThat(count("{_id: 11, state: 2}")).isZero();
        // the keys are stored as longs: an int (as above) and a long find them alike, as MongoDB compares numbers
        assertThat(calls.find(filter("{_id: {$numberLong: '12'}, edgeCallId: 'edge-12'}")).first()).isNotNull();
        assertThat(calls.find(filter("{edgeCallId: 'edge-13', meetingVersion: {$gte: 5}}")).first())
                .containsEntry("_id", 13L);

        FindOneAndUpdateOptions returnNew = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);
        assertThat(calls.findOneAndUpdate(filter("{_id: 14, meetingVersion: {$lt: 5}}"), NEXT_STATE, returnNew))
                .isNull();
        assertThat(calls.findOneAndUpdate(filter("{_id: 14, meetingVersion: {$lt: 6}}"), NEXT_STATE, returnNew))
                .containsEntry("state", 2);
        assertThat(calls.find(filter("{$and: [{_id: 15}, {state: 1}]}")).first()).isNotNull();
        assertThat(calls.find(filter("{$and: [{_id: 15}, {state: 2}]}")).first()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "h2"})
    void anUpsertInsertsWhenNothingHasTheKeyAndCollidesWhenTheGuardFails(String backend) {
        start(backend);

        UpdateOptions upsert = new UpdateOptions().upsert(true);
        assertThat(calls.updateOne(filter("{_id: 500, meetingVersion: {$lt: 3}}"), NEXT_STATE, upsert)
                .getUpsertedId()).isNotNull();
        assertThat(calls.find(filter("{_id: 500}")).first()).containsEntry("state", 2);

        // MongoDB: the key exists but the guard fails, so the upsert inserts that key again, a duplicate
        assertThatThrownBy(() -> calls.updateOne(filter("{_id: 16, meetingVersion: {$lt: 5}}"), NEXT_STATE, upsert))
                .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(11000));
        assertThat(stateOf(16)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "h2"})
    void aUniqueKeyEqualityWithGuardsReadsNoOtherDocument(String backend) {
        start(backend);

        calls.updateOne(filter("{_id: 20, 'lobby.version': 3}"), NEXT_STATE);
        calls.updateOne(filter("{_id: 21, 'lobby.version': 2}"), NEXT_STATE);
        calls.updateOne(filter("{_id: 22, meetingVersion: {$lt: 6}}"), NEXT_STATE);
        calls.find(filter("{_id: 23, state: 1}")).first();
        calls.find(filter("{edgeCallId: 'edge-24', state: 1}")).first();
        count("{_id: 25, state: 1}");
        calls.findOneAndUpdate(filter("{_id: 26, meetingVersion: {$lt: 6}}"), NEXT_STATE);
        calls.deleteOne(filter("{_id: 27, 'lobby.version': 3, meetingVersion: 5}"));
        calls.updateOne(filter("{_id: 600, meetingVersion: {$lt: 1}}"), NEXT_STATE, new UpdateOptions().upsert(true));
        assertThat(counting.scans()).as("collection scans for unique-key queries").isZero();

        // the counter does see a scan: nothing but a unique key narrows a query
        calls.find(filter("{state: 2}")).into(new ArrayList<>());
        assertThat(counting.scans()).isPositive();
    }

    private int stateOf(long id) {
        return calls.find(filter("{_id: " + id + "}")).first().getInteger("state");
    }

    // the count command itself, which goes through the collection's query (the driver's countDocuments aggregates)
    private int count(String query) {
        Document answer = server.database("meeting").runCommand(
                new Document("count", ScanCounting.COLLECTION).append("query", Document.parse(query)));
        return ((Number) answer.get("n")).intValue();
    }

    private static Bson filter(String json) {
        return Document.parse(json);
    }
}
