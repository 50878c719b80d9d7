package org.conference.provisioning.rooms;

import java.util.ArrayList;
import java.util.List;

import org.conference.common.events.AttributeSetting;
import org.conference.common.events.DidGroupReference;
import org.conference.common.events.MeetingKey;
import org.conference.common.events.MeetingRoomState;
import org.conference.common.persistence.EmbeddedMongoFallback;
import org.conference.provisioning.outbox.Outbox;
import org.conference.provisioning.outbox.OutboxEntity;
import org.conference.provisioning.support.Owned;
import org.conference.provisioning.support.Owner;
import org.springframework.data.annotation.Id;

/**
 * A meeting room as stored. {@code id} is the internal room id the reference calls {@code meetingRoomId};
 * {@code meetingNumber} is the public key. {@code accessKeys} holds "didGroupId:accessCode" for every pair the room
 * answers to: a unique index on it makes an access code unique among all rooms reachable from one DID group, in the
 * same atomic write as the room itself. It is derived, never set. {@code description} is never {@code null}: no
 * description is {@code ""}, as the reference's sample shows. Changes are made with the {@code with…} methods, then
 * {@link #nextVersion()}.
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
        description = description == null ? "" : description;
        ownerLineage = List.copyOf(ownerLineage);
        didGroupReferences = didGroupReferences == null ? List.of() : List.copyOf(didGroupReferences);
        keychain = keychain == null ? List.of() : List.copyOf(keychain);
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
        accessKeys = accessKeysOf(id, didGroupReferences, deleted ? List.of() : keychain);
    }

    /**
     * The first version of a new room of {@code owner}, pending publication: no description, DID groups, keys or
     * attributes until they are added with the {@code with…} methods.
     */
    static RoomDocument first(long id, long meetingNumber, Owner owner, long created) {
        return new RoomDocument(id, meetingNumber, owner.ownerSid(), owner.ownerLineage(), "", created, 0, List.of(),
                List.of(), List.of(), List.of(), 1, false, Outbox.PENDING);
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

    /** Renumbered: the old number gets a tombstone on the topic with the next publication. */
    RoomDocument withMeetingNumber(long newNumber) {
        if (newNumber == meetingNumber) {
            return this;
        }
        List<String> tombstones = new ArrayList<>(outbox.tombstones());
        tombstones.add(Long.toString(meetingNumber));
        return new RoomDocument(id, newNumber, subscriberSid, ownerLineage, description, created, primaryDidGroupId,
                didGroupReferences, keychain, attributes, accessKeys, version, deleted,
                new Outbox(outbox.pending(), tombstones));
    }

    RoomDocument withDescription(String newDescription) {
        return new RoomDocument(id, meetingNumber, subscriberSid, ownerLineage, newDescription, created,
                primaryDidGroupId, didGroupReferences, keychain, attributes, accessKeys, version, deleted, outbox);
    }

    /** The primary DID group and every reference, the primary's among them. */
    RoomDocument withDidGroups(long primary, List<DidGroupReference> references) {
        return new RoomDocument(id, meetingNumber, subscriberSid, ownerLineage, description, created, primary,
                references, keychain, attributes, accessKeys, version, deleted, outbox);
    }

    RoomDocument withKeychain(List<MeetingKey> newKeychain) {
        return new RoomDocument(id, meetingNumber, subscriberSid, ownerLineage, description, created,
                primaryDidGroupId, didGroupReferences, newKeychain, attributes, accessKeys, version, deleted, outbox);
    }

    RoomDocument withAttributes(List<AttributeSetting> newAttributes) {
        return new RoomDocument(id, meetingNumber, subscriberSid, ownerLineage, description, created,
                primaryDidGroupId, didGroupReferences, keychain, newAttributes, accessKeys, version, deleted, outbox);
    }

    /** This state as the next version, pending publication with the tombstones still due. */
    RoomDocument nextVersion() {
        return new RoomDocument(id, meetingNumber, subscriberSid, ownerLineage, description, created,
                primaryDidGroupId, didGroupReferences, keychain, attributes, accessKeys, version + 1, deleted,
                Outbox.pendingWithTombstones(outbox.tombstones()));
    }

    /** The deleted version: tombstone pending, access codes released. */
    RoomDocument deletedVersion() {
        return new RoomDocument(id, meetingNumber, subscriberSid, ownerLineage, description, created,
                primaryDidGroupId, didGroupReferences, List.of(), attributes, accessKeys, version + 1, true,
                Outbox.pendingWithTombstones(outbox.tombstones()));
    }

    /** The key of one access code in one DID group, as {@code accessKeys} holds it. */
    static String accessKey(long didGroupId, String accessCode) {
        return didGroupId + ":" + accessCode;
    }

    /** The access code of an {@code accessKeys} entry. */
    static String accessCodeOf(String accessKey) {
        return accessKey.substring(accessKey.indexOf(':') + 1);
    }

    private static List<String> accessKeysOf(long roomId, List<DidGroupReference> references,
            List<MeetingKey> keychain) {
        return EmbeddedMongoFallback.neverEmptyUniqueArray("room:" + roomId, references.stream()
                .flatMap(reference -> keychain.stream().map(key -> accessKey(reference.didGroupId(),
                        key.accessCode()))));
    }
}
