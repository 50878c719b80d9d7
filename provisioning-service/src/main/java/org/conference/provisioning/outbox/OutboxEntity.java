package org.conference.provisioning.outbox;

import org.conference.common.events.VersionedState;
import org.conference.common.persistence.Versioned;

/**
 * The published-state contract: a document whose every change is published to a compacted state topic
 * (ARCHITECTURE.md §4). A deleted entity stays in its collection, flagged, until its tombstone has reached Kafka.
 * A feature that publishes its documents declares a {@link PublishedCollection} for them; the outbox knows nothing else
 * of the feature.
 */
public interface OutboxEntity extends Versioned {

    Outbox outbox();

    /** The Kafka key: sid, id or meeting number. */
    String stateKey();

    /** The full state record; not called for deleted entities, whose record is a tombstone. */
    VersionedState publishedState();
}
