package org.conference.localstack.mongo;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.h2.H2Database;

/** An H2 database whose collections are {@link IndexedH2Collection}s, stored in the maps {@link H2Database} uses. */
public class IndexedH2Database extends H2Database {

    // H2Database's own map names (checked with javap against 1.47.0), so files written before still open
    private static final String DATA_MAP_PREFIX = "databases.";
    private static final String META_MAP_PREFIX = "meta.";

    private final MVStore store;

    public IndexedH2Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
        super(databaseName, store, cursorRegistry);
        this.store = store;
        super.initializeNamespacesAndIndexes();
    }

    /** Deferred: the parent's constructor calls this before {@link #store} is set; this constructor calls it after. */
    @Override
    protected void initializeNamespacesAndIndexes() {
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String namespace = getFullCollectionNamespace(collectionName);
        return new IndexedH2Collection(this, collectionName, options, store.openMap(DATA_MAP_PREFIX + namespace),
                store.openMap(META_MAP_PREFIX + namespace), cursorRegistry);
    }
}
