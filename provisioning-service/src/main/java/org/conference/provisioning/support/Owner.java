package org.conference.provisioning.support;

import java.util.List;

/**
 * The subscriber an object belongs to, as one feature tells another (a DID group's owner, a room's owner): enough to
 * decide visibility and rights, never the owner's stored document.
 */
public record Owner(String ownerSid, List<String> ownerLineage) implements Owned {

    public Owner {
        ownerLineage = List.copyOf(ownerLineage);
    }

    public static Owner of(Owned object) {
        return new Owner(object.ownerSid(), object.ownerLineage());
    }
}
