package org.conference.media.storage;

import java.time.Instant;

import org.bson.types.ObjectId;

/** Content written completely to GridFS: its id, exact length in bytes and when its upload finished. */
public record StoredContent(ObjectId id, long length, Instant uploaded) {
}
