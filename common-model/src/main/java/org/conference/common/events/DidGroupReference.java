package org.conference.common.events;

/** A meeting room's or subscriber's link to a DID group; state 0 active, 1 invalidated, 2 disabled. */
public record DidGroupReference(long didGroupId, int state) {
}
