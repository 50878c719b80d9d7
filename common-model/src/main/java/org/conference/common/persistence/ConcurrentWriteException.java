package org.conference.common.persistence;

/** Another writer changed the document between this writer's read and its write. */
public class ConcurrentWriteException extends RuntimeException {

    public ConcurrentWriteException(String collection, Object id) {
        super("concurrent write to " + collection + " " + id);
    }
}
