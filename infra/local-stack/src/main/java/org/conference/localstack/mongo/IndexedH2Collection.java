package org.conference.localstack.mongo;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;

/** An H2 collection that answers queries with a unique-key equality from that index ({@link UniqueKeyLookup}). */
public class IndexedH2Collection extends H2Collection {

    public IndexedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
            MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
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
