package org.conference.provisioning.outbox;

import java.util.List;

/**
 * The pending publication kept inside the document it describes, so that the change and the duty to publish it are
 * written in one atomic single-document operation (no multi-document transactions needed). {@code tombstones} lists
 * old Kafka keys the object no longer answers to (a renamed meeting room) that must be deleted on the topic first.
 * The relay clears both once it has published.
 */
public record Outbox(boolean pending, List<String> tombstones) {

    public static final Outbox PENDING = new Outbox(true, List.of());

    public Outbox {
        tombstones = tombstones == null ? List.of() : List.copyOf(tombstones);
    }

    public static Outbox pendingWithTombstones(List<String> tombstones) {
        return new Outbox(true, tombstones);
    }
}
