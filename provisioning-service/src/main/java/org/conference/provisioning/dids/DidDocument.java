package org.conference.provisioning.dids;

import java.util.List;

import org.conference.common.events.AttributeSetting;
import org.conference.common.events.DidState;
import org.conference.provisioning.outbox.Outbox;
import org.conference.provisioning.outbox.OutboxEntity;
import org.conference.provisioning.support.Owned;
import org.conference.provisioning.support.Owner;
import org.conference.provisioning.support.PhoneNumbers;
import org.springframework.data.annotation.Id;

/**
 * A DID as stored. It belongs to its DID group's owner ({@code subscriberSid}, {@code ownerLineage} copied from the
 * group); {@code phoneNumber} is digits only and unique across all groups (unique index). Changes are made with the
 * {@code with…} methods, then {@link #nextVersion()}.
 */
public record DidDocument(
        @Id long id,
        String phoneNumber,
        String countryCode,
        String description,
        long didGroupId,
        String subscriberSid,
        List<String> ownerLineage,
        int state,
        List<AttributeSetting> attributes,
        long version,
        boolean deleted,
        Outbox outbox) implements OutboxEntity, Owned {

    public static final String COLLECTION = "dids";
    /** The reference shows -1 for every DID; nothing in the API changes it. */
    private static final int STATE = -1;

    public DidDocument {
        ownerLineage = List.copyOf(ownerLineage);
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
    }

    /** The first version of a new DID in group {@code didGroupId} of {@code owner}, pending publication. */
    static DidDocument first(long id, PhoneNumbers.Parsed number, String description, long didGroupId, Owner owner,
            List<AttributeSetting> attributes) {
        return new DidDocument(id, number.digits(), number.countryCode(), description, didGroupId, owner.ownerSid(),
                owner.ownerLineage(), STATE, attributes, 1, false, Outbox.PENDING);
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
        return Long.toString(id);
    }

    @Override
    public DidState publishedState() {
        return new DidState(id, phoneNumber, countryCode, description, didGroupId, state, attributes, version);
    }

    DidDocument withNumber(PhoneNumbers.Parsed number) {
        return new DidDocument(id, number.digits(), number.countryCode(), description, didGroupId, subscriberSid,
                ownerLineage, state, attributes, version, deleted, outbox);
    }

    DidDocument withDescription(String newDescription) {
        return new DidDocument(id, phoneNumber, countryCode, newDescription, didGroupId, subscriberSid, ownerLineage,
                state, attributes, version, deleted, outbox);
    }

    /** Moved to another group; a DID belongs to its group's owner. */
    DidDocument withGroup(long newDidGroupId, Owner groupOwner) {
        return new DidDocument(id, phoneNumber, countryCode, description, newDidGroupId, groupOwner.ownerSid(),
                groupOwner.ownerLineage(), state, attributes, version, deleted, outbox);
    }

    DidDocument withAttributes(List<AttributeSetting> newAttributes) {
        return new DidDocument(id, phoneNumber, countryCode, description, didGroupId, subscriberSid, ownerLineage,
                state, newAttributes, version, deleted, outbox);
    }

    /** This state as the next version, pending publication. */
    DidDocument nextVersion() {
        return new DidDocument(id, phoneNumber, countryCode, description, didGroupId, subscriberSid, ownerLineage,
                state, attributes, version + 1, deleted, Outbox.PENDING);
    }

    /** The deleted version: tombstone pending, and the number released (renamed) so it can be provisioned again. */
    DidDocument deletedVersion() {
        return new DidDocument(id, "deleted:" + id, countryCode, description, didGroupId, subscriberSid,
                ownerLineage, state, attributes, version + 1, true, Outbox.PENDING);
    }
}
