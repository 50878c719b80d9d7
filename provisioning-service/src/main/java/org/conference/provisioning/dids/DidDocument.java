package org.conference.provisioning.dids;

import java.util.List;

import org.conference.common.events.AttributeSetting;
import org.conference.common.events.DidState;
import org.conference.provisioning.outbox.Outbox;
import org.conference.provisioning.outbox.OutboxEntity;
import org.conference.provisioning.support.Owned;
import org.springframework.data.annotation.Id;

/**
 * A DID as stored. It belongs to its DID group's owner ({@code subscriberSid}, {@code ownerLineage} copied from the
 * group); {@code phoneNumber} is digits only and unique across all groups (unique index).
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
    static final int STATE = -1;

    public DidDocument {
        ownerLineage = List.copyOf(ownerLineage);
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
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
}
