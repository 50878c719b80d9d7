package org.conference.meeting.directory;

import java.util.List;
import java.util.Map;

/**
 * A room an access code opened, with what a meeting in it is started with: the attributes in force (call flow
 * default, then DID group, DID and room, ARCHITECTURE.md §8) and the owner's name and lineage.
 */
public record RoomAccess(long meetingNumber, String accessCode, int role, String ownerSid, List<String> ownerLineage,
        String ownerName, Map<String, String> attributes) {
}
