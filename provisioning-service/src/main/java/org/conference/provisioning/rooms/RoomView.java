package org.conference.provisioning.rooms;

import java.util.List;

import org.conference.common.events.DidGroupReference;
import org.conference.common.events.MeetingKey;
import org.conference.provisioning.support.Attributes;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The Meeting Room object of the reference; unset fields are left out. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RoomView(
        List<Attributes.AttributeView> attributes,
        long created,
        String description,
        List<DidGroupReference> didGroupReferences,
        List<KeyView> keychain,
        long meetingNumber,
        long primaryDidGroupId,
        String subscriberSid) {

    /** A Meeting Key object, inside a room or on its own. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record KeyView(String accessCode, long id, int role) {

        static KeyView of(MeetingKey key) {
            return new KeyView(key.accessCode(), key.id(), key.role());
        }
    }

    public static RoomView of(RoomDocument room) {
        return new RoomView(Attributes.views(room.attributes()), room.created(), room.description(),
                room.didGroupReferences(),
                room.keychain().stream().map(KeyView::of).toList(),
                room.meetingNumber(), room.primaryDidGroupId(), room.subscriberSid());
    }
}
