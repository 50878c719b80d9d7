package org.conference.common.events;

import java.util.List;

/** Full state of a DID on {@link Topics#DIDS}; {@code phoneNumber} is digits only (E.164 without the plus). */
public record DidState(
        long id,
        String phoneNumber,
        String countryCode,
        String description,
        long didGroupId,
        int state,
        List<AttributeSetting> attributes,
        long version) implements VersionedState {

    @Override
    public String key() {
        return Long.toString(id);
    }
}
