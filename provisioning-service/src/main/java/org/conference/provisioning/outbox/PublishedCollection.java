package org.conference.provisioning.outbox;

/**
 * One collection the relay watches and the compacted topic its documents' states go to; each feature declares its
 * own as a bean.
 */
public record PublishedCollection<T extends OutboxEntity>(Class<T> type, String collection, String topic) {
}
