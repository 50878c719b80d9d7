package org.conference.provisioning.support;

import java.util.List;

/**
 * The subscriber an object belongs to, as one feature tells another (a DID group's owner, a room's owner): enough to
 * decide visibility and rights, never the owner's stored document.
 */
public record Owner(String sid, List<String> lineage) implements Owned {

    public Owner {
        lineage = List.copyOf(lineage);
    }

    public static Owner of(Owned object) {
        return new Owner(object.ownerSid(), object.ownerLineage());
    }

    @Override
    public String ownerSid() {
        return sid;
    }

    @Override
    public List<String> ownerLineage() {
        return lineage;
    }
}
