package org.conference.provisioning.didgroups;

import java.util.List;

import org.conference.common.events.AttributeSetting;
import org.conference.common.events.DidGroupState;
import org.conference.provisioning.outbox.Outbox;
import org.conference.provisioning.outbox.OutboxEntity;
import org.conference.provisioning.support.Owned;
import org.conference.provisioning.support.Owner;
import org.springframework.data.annotation.Id;

/**
 * A DID group as stored; {@code ownerLineage} is its owner's lineage, root first. {@code description} is never
 * {@code null}: no description is {@code ""}, as the reference's sample shows. Changes are made with the
 * {@code with…} methods, then {@link #nextVersion()}.
 */
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
    private static final int STATE = -1;

    public DidGroupDocument {
        description = description == null ? "" : description;
        ownerLineage = List.copyOf(ownerLineage);
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
    }

    /** The first version of a new group of {@code owner}, pending publication. */
    static DidGroupDocument first(long id, Owner owner, String name, String description, int callFlowId,
            List<AttributeSetting> attributes) {
        return new DidGroupDocument(id, name, description, callFlowId, owner.ownerSid(), owner.ownerLineage(), STATE,
                attributes, 1, false, Outbox.PENDING);
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

    DidGroupDocument withName(String newName) {
        return new DidGroupDocument(id, newName, description, callFlowId, subscriberSid, ownerLineage, state,
                attributes, version, deleted, outbox);
    }

    DidGroupDocument withDescription(String newDescription) {
        return new DidGroupDocument(id, name, newDescription, callFlowId, subscriberSid, ownerLineage, state,
                attributes, version, deleted, outbox);
    }

    DidGroupDocument withCallFlowId(int newCallFlowId) {
        return new DidGroupDocument(id, name, description, newCallFlowId, subscriberSid, ownerLineage, state,
                attributes, version, deleted, outbox);
    }

    DidGroupDocument withAttributes(List<AttributeSetting> newAttributes) {
        return new DidGroupDocument(id, name, description, callFlowId, subscriberSid, ownerLineage, state,
                newAttributes, version, deleted, outbox);
    }

    /** This state as the next version, pending publication. */
    DidGroupDocument nextVersion() {
        return new DidGroupDocument(id, name, description, callFlowId, subscriberSid, ownerLineage, state,
                attributes, version + 1, deleted, Outbox.PENDING);
    }

    /** The deleted version: its tombstone pending. */
    DidGroupDocument deletedVersion() {
        return new DidGroupDocument(id, name, description, callFlowId, subscriberSid, ownerLineage, state,
                attributes, version + 1, true, Outbox.PENDING);
    }
}
