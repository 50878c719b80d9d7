package org.conference.provisioning.outbox;

import org.conference.common.events.VersionedState;

/**
 * A document whose every change is published to a compacted state topic (ARCHITECTURE.md §4). A deleted entity stays
 * in its collection, flagged, until its tombstone has reached Kafka.
 */
public interface OutboxEntity {

    /** Mongo {@code _id}. */
    Object documentId();

    long version();

    boolean deleted();

    Outbox outbox();

    /** The Kafka key: sid, id or meeting number. */
    String stateKey();

    /** The full state record; not called for deleted entities, whose record is a tombstone. */
    VersionedState publishedState();
}
