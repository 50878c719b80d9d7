package org.conference.media.directory;

import java.util.List;

import org.springframework.data.annotation.Id;

/**
 * The read model of provisioning state media-service needs: a subscriber's lineage (who may see its files) and a
 * meeting room's owner (whose files its recordings become), each with the {@code version} it came with.
 */
final class DirectoryEntries {

    static final String SUBSCRIBERS = "directorySubscribers";
    static final String ROOMS = "directoryRooms";

    record SubscriberEntry(@Id String sid, List<String> lineage, long version) {
    }

    record RoomEntry(@Id long meetingNumber, String subscriberSid, long version) {
    }

    private DirectoryEntries() {
    }
}
