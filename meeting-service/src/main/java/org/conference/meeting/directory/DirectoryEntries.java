package org.conference.meeting.directory;

import java.util.List;

import org.conference.common.events.AttributeSetting;
import org.conference.common.events.MeetingKey;
import org.springframework.data.annotation.Id;

/**
 * The read model of provisioning state that calls are routed from (ARCHITECTURE.md §4): only what routing, meeting
 * attributes and visibility need, each with the {@code version} it came with.
 */
final class DirectoryEntries {

    static final String DIDS = "directoryDids";
    static final String DID_GROUPS = "directoryDidGroups";
    static final String ROOMS = "directoryRooms";
    static final String SUBSCRIBERS = "directorySubscribers";

    record DidEntry(@Id long id, String phoneNumber, long didGroupId, List<AttributeSetting> attributes,
            long version) {
    }

    record DidGroupEntry(@Id long id, int callFlowId, String subscriberSid, List<AttributeSetting> attributes,
            long version) {
    }

    /** {@code didGroupIds}: the groups the room is reachable through (references in state 0, active). */
    record RoomEntry(@Id long meetingNumber, String subscriberSid, List<Long> didGroupIds, List<MeetingKey> keychain,
            List<AttributeSetting> attributes, long version) {
    }

    record SubscriberEntry(@Id String sid, String firstName, String lastName, List<String> lineage, long version) {
    }

    private DirectoryEntries() {
    }
}
