package org.conference.common.events;

/** A meeting attribute set on a DID group, DID or meeting room: always a string value, as the API returns it. */
public record AttributeSetting(String name, String value) {
}
