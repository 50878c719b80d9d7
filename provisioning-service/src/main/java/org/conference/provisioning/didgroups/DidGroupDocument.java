package org.conference.provisioning.didgroups;

import java.util.List;

import org.conference.common.events.AttributeSetting;
import org.conference.common.events.DidGroupState;
import org.conference.provisioning.outbox.Outbox;
import org.conference.provisioning.outbox.OutboxEntity;
import org.conference.provisioning.support.Owned;
import org.springframework.data.annotation.Id;

/** A DID group as stored; {@code ownerLineage} is its owner's lineage, root first. */
public record DidGroupDocument(
        @Id long id,
        String name,
        String description,
        int callFlowId,
        String subscriberSid,
        List<String> ownerLineage,
        int state,
        List<AttributeSetting> attributes,
        long version,
        boolean deleted,
        Outbox outbox) implements OutboxEntity, Owned {

    public static final String COLLECTION = "didGroups";
    /** The reference shows -1 for every DID group; nothing in the API changes it. */
    static final int STATE = -1;

    public DidGroupDocument {
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
    public DidGroupState publishedState() {
        return new DidGroupState(id, name, description, callFlowId, subscriberSid, state, attributes, version);
    }

    DidGroupDocument next(String newName, String newDescription, int newCallFlowId, List<AttributeSetting> newAttributes,
            boolean nowDeleted) {
        return new DidGroupDocument(id, newName, newDescription, newCallFlowId, subscriberSid, ownerLineage, state,
                newAttributes, version + 1, nowDeleted, Outbox.PENDING);
    }
}
