package org.conference.common.events;

import java.util.List;

/** Full state of a meeting room on {@link Topics#MEETING_ROOMS}, keyed by meeting number. */
public record MeetingRoomState(
        long meetingNumber,
        String subscriberSid,
        String description,
        long created,
        long primaryDidGroupId,
        List<DidGroupReference> didGroupReferences,
        List<MeetingKey> keychain,
        List<AttributeSetting> attributes,
        long version) implements VersionedState {

    @Override
    public String key() {
        return Long.toString(meetingNumber);
    }
}
