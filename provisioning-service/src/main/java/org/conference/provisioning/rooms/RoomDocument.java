package org.conference.provisioning.rooms;

import java.util.List;

import org.conference.common.events.AttributeSetting;
import org.conference.common.events.DidGroupReference;
import org.conference.common.events.MeetingKey;
import org.conference.common.events.MeetingRoomState;
import org.conference.provisioning.outbox.Outbox;
import org.conference.provisioning.outbox.OutboxEntity;
import org.conference.provisioning.support.Owned;
import org.springframework.data.annotation.Id;

/**
 * A meeting room as stored. {@code id} is the internal room id the reference calls {@code meetingRoomId};
 * {@code meetingNumber} is the public key. {@code accessKeys} holds "didGroupId:accessCode" for every pair the room
 * answers to: a unique index on it makes an access code unique among all rooms reachable from one DID group, in the
 * same atomic write as the room itself.
 */
public record RoomDocument(
        @Id long id,
        long meetingNumber,
        String subscriberSid,
        List<String> ownerLineage,
        String description,
        long created,
        long primaryDidGroupId,
        List<DidGroupReference> didGroupReferences,
        List<MeetingKey> keychain,
        List<AttributeSetting> attributes,
        List<String> accessKeys,
        long version,
        boolean deleted,
        Outbox outbox) implements OutboxEntity, Owned {

    public static final String COLLECTION = "meetingRooms";

    public RoomDocument {
        ownerLineage = List.copyOf(ownerLineage);
        didGroupReferences = didGroupReferences == null ? List.of() : List.copyOf(didGroupReferences);
        keychain = keychain == null ? List.of() : List.copyOf(keychain);
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
        accessKeys = accessKeys == null ? List.of() : List.copyOf(accessKeys);
    }

    @Override
    public Object documentId() {
        return id;
    }

    @Override
    public String ownerSid() {
        return subscriberSid;
    }

    @Override
    public String stateKey() {
        return Long.toString(meetingNumber);
    }

    @Override
    public MeetingRoomState publishedState() {
        return new MeetingRoomState(meetingNumber, subscriberSid, description, created, primaryDidGroupId,
                didGroupReferences, keychain, attributes, version);
    }

    /**
     * The room's own key "room:&lt;id&gt;" always leads the list: the array is then never empty, because the
     * embedded MongoDB fallback cannot replace a document whose unique-indexed array was empty (real MongoDB can; the
     * extra element is unique per room, so it changes nothing there).
     */
    static List<String> accessKeysOf(long roomId, List<DidGroupReference> references, List<MeetingKey> keychain) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of("room:" + roomId), references.stream()
                        .flatMap(reference -> keychain.stream()
                                .map(key -> reference.didGroupId() + ":" + key.accessCode())))
                .toList();
    }
}
