package org.conference.meeting.support;

import java.util.List;

/** A live object that belongs to a subscriber (the room owner, or the DID group owner before a call has a room). */
public interface Owned {

    String ownerSid();

    /** The owner's lineage, root first, owner last. */
    List<String> ownerLineage();
}
