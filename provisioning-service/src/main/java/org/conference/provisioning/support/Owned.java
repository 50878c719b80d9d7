package org.conference.provisioning.support;

import java.util.List;

/** An object that belongs to a subscriber: what visibility and write rights are decided on. */
public interface Owned {

    String ownerSid();

    /** The owner's lineage, root first, owner last. */
    List<String> ownerLineage();
}
