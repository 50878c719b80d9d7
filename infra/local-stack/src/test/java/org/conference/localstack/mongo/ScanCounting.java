package org.conference.localstack.mongo;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The two backends with collections that count how often one of them reads every document: the scanning
 * {@code matchDocuments} (no index used) and {@code streamAllDocumentsWithPosition}. Only the collection named
 * {@link #COLLECTION} counts; the server's own bookkeeping collections do not.
 */
final class ScanCounting {

    static final String COLLECTION = "calls";

    private final AtomicInteger scans = new AtomicInteger();

    int scans() {
        return scans.get();
    }

    void reset() {
        scans.set(0);
    }

    InMemoryMongoBackend memoryBackend() {
        return new InMemoryMongoBackend() {
            @Override
            public MemoryDatabase openOrCreateDatabase(String databaseName) {
                return new IndexedMemoryDatabase(databaseName, getCursorRegistry()) {
                    @Override
                    protected MemoryCollection openOrCreateCollection(String name, CollectionOptions options) {
                        return COLLECTION.equals(name) ? new CountingMemoryCollection(this, name, options,
                                cursorRegistry) : super.openOrCreateCollection(name, options);
                    }
                };
            }
        };
    }

    PersistentMongoBackend h2Backend(Path file) {
        return new PersistentMongoBackend(file.toString()) {
            @Override
            protected MongoDatabase openOrCreateDatabase(String databaseName) {
                return new IndexedH2Database(databaseName, getMvStore(), getCursorRegistry()) {
                    @Override
                    protected MongoCollection<Object> openOrCreateCollection(String name, CollectionOptions options) {
                        if (!COLLECTION.equals(name)) {
                            return super.openOrCreateCollection(name, options);
                        }
                        String namespace = getFullCollectionNamespace(name);
                        return new CountingH2Collection(this, name, options,
                                getMvStore().openMap("databases." + namespace),
                                getMvStore().openMap("meta." + namespace), cursorRegistry);
                    }
                };
            }
        };
    }

    private final class CountingMemoryCollection extends IndexedMemoryCollection {

        CountingMemoryCollection(MongoDatabase database, String name, CollectionOptions options,
                CursorRegistry cursorRegistry) {
            super(database, name, options, cursorRegistry);
        }

        @Override
        protected QueryResult matchDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                Document fieldSelector) {
            scans.incrementAndGet();
            return super.matchDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
        }

        @Override
        protected Stream<DocumentWithPosition<Integer>> streamAllDocumentsWithPosition() {
            scans.incrementAndGet();
            return super.streamAllDocumentsWithPosition();
        }
    }

    private final class CountingH2Collection extends IndexedH2Collection {

        CountingH2Collection(MongoDatabase database, String name, CollectionOptions options,
                MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap,
                CursorRegistry cursorRegistry) {
            super(database, name, options, dataMap, metaMap, cursorRegistry);
        }

        @Override
        protected QueryResult matchDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                Document fieldSelector) {
            scans.incrementAndGet();
            return super.matchDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
        }

        @Override
        protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
            scans.incrementAndGet();
            return super.streamAllDocumentsWithPosition();
        }
    }
}
