package org.conference.common.persistence;

/**
 * A stored document that several service instances change: every change writes the next {@link #version()}, and a
 * deletion first writes a version flagged {@link #deleted()} that stays in the collection (soft deletion), so readers
 * and relays can still tell what went away.
 */
public interface Versioned {

    /** The document's {@code _id}. */
    Object documentId();

    long version();

    boolean deleted();
}
