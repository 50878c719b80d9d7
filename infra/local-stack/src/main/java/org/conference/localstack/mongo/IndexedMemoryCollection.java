package org.conference.localstack.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.bson.Document;

/** An in-memory collection that answers queries with a unique-key equality from that index ({@link UniqueKeyLookup}). */
public class IndexedMemoryCollection extends MemoryCollection {

    public IndexedMemoryCollection(MongoDatabase database, String collectionName, CollectionOptions options,
            CursorRegistry cursorRegistry) {
        super(database, collectionName, options, cursorRegistry);
    }

    // find, count, update, delete and findAndModify all come through here
    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
            Document fieldSelector) {
        return UniqueKeyLookup.candidates(query, getIndexes())
                .map(positions -> matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize,
                        fieldSelector))
                .orElseGet(() -> super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector));
    }
}
