package org.conference.provisioning.support;

import java.util.List;

/**
 * The indexes a feature (or the outbox) relies on for its own collections. Each declares its own;
 * {@link MongoIndexes} creates all of them in one pass at start-up.
 */
@FunctionalInterface
public interface IndexDeclarations {

    List<CollectionIndex> indexes();
}
