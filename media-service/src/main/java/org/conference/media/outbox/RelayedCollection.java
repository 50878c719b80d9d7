package org.conference.media.outbox;

/**
 * A collection whose documents carry an {@link Outbox}; a feature declares its own as a bean and the relay watches
 * it. A document flagged {@code deleted} is removed once its last event has left.
 */
public record RelayedCollection(String collection) {
}
