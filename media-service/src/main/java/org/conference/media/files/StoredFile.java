package org.conference.media.files;

import org.bson.types.ObjectId;
import org.conference.common.events.MediaEvent;

/**
 * A live file as a download serves it: its descriptor, audio type, the content it points at now and when that
 * content was stored (epoch milliseconds). The content id doubles as its entity tag: content never changes under it.
 */
public record StoredFile(MediaEvent.FileDescriptor descriptor, String contentType, ObjectId contentId,
        long modified) {

    public String etag() {
        return "\"" + contentId.toHexString() + "\"";
    }
}
