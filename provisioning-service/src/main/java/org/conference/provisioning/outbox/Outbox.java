package org.conference.provisioning.outbox;

import java.util.List;

import org.springframework.data.annotation.PersistenceCreator;

/**
 * The pending publication kept inside the document it describes, so that the change and the duty to publish it are
 * written in one atomic single-document operation (no multi-document transactions needed). {@code tombstones} lists
 * old Kafka keys the object no longer answers to (a renamed meeting room) that must be deleted on the topic first.
 * {@code since} is when the oldest change not yet published was written (epoch milliseconds), which
 * {@link StateWrites} stamps and the outbox lag gauge reads; documents leave it to it. The relay clears all three
 * once it has published.
 */
public record Outbox(boolean pending, List<String> tombstones, Long since) {

    public static final Outbox PENDING = new Outbox(true, List.of());
    static final String SINCE = "since";

    @PersistenceCreator
    public Outbox {
        tombstones = tombstones == null ? List.of() : List.copyOf(tombstones);
    }

    public Outbox(boolean pending, List<String> tombstones) {
        this(pending, tombstones, null);
    }

    public static Outbox pendingWithTombstones(List<String> tombstones) {
        return new Outbox(true, tombstones);
    }
}
