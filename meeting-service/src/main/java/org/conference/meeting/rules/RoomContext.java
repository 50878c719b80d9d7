package org.conference.meeting.rules;

import java.util.List;
import java.util.Map;

/**
 * What a meeting is started with, resolved when its first caller's code opened the room: the owner (for
 * {@code subscriberName} and visibility) and the attributes in force (ARCHITECTURE.md §8).
 */
public record RoomContext(long meetingNumber, String ownerSid, List<String> ownerLineage, String ownerName,
        Map<String, String> attributes) {

    public RoomContext {
        ownerLineage = List.copyOf(ownerLineage);
        attributes = Map.copyOf(attributes);
    }
}
