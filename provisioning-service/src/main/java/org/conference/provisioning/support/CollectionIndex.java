package org.conference.provisioning.support;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;

/** One index of one collection, as a part of the service declares it ({@link IndexDeclarations}). */
public record CollectionIndex(String collection, Index index) {

    public static CollectionIndex ascending(String collection, String field) {
        return new CollectionIndex(collection, new Index(field, Sort.Direction.ASC));
    }

    /** A unique index under the name a rule refers to ({@link UniqueIndexes}). */
    public static CollectionIndex unique(String collection, String field, String name) {
        return new CollectionIndex(collection, new Index(field, Sort.Direction.ASC).unique().named(name));
    }

    /** This index over the documents that have the field only. */
    public CollectionIndex sparse() {
        return new CollectionIndex(collection, index.sparse());
    }
}
