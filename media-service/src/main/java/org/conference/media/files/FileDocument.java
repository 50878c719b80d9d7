package org.conference.media.files;

import org.bson.types.ObjectId;
import org.conference.common.events.MediaEvent;
import org.conference.common.persistence.Versioned;
import org.conference.media.outbox.Outbox;
import org.conference.media.support.ApiPaths;
import org.springframework.data.annotation.Id;

/**
 * A File Descriptor as stored: one document per subscriber and name ({@code _id} is {@code <sid>/<name>}, and names
 * hold no '/'), pointing at immutable GridFS content by {@code contentId}. Replacing a file switches
 * {@code contentId} in one write guarded by {@code version}; deleting one keeps the document, flagged, until its
 * {@code file.deleted} event has left the outbox. {@code recordingName} is set on the files recordings became.
 */
record FileDocument(@Id String id, String subscriberSid, String name, long size, long duration, String contentType,
        ObjectId contentId, long modified, String recordingName, long version, boolean deleted, Outbox outbox)
        implements Versioned {

    static final String COLLECTION = "files";

    static String idOf(String subscriberSid, String name) {
        return subscriberSid + "/" + name;
    }

    @Override
    public Object documentId() {
        return id;
    }

    MediaEvent.FileDescriptor descriptor() {
        return new MediaEvent.FileDescriptor(name, size, duration, ApiPaths.storageUrl(subscriberSid, name));
    }

    /** What a download needs to know. */
    StoredFile stored() {
        return new StoredFile(descriptor(), contentType, contentId, modified);
    }
}
