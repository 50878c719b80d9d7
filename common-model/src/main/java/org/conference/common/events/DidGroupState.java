package org.conference.common.events;

import java.util.List;

/** Full state of a DID group on {@link Topics#DID_GROUPS}. */
public record DidGroupState(
        long id,
        String name,
        String description,
        int callFlowId,
        String subscriberSid,
        int state,
        List<AttributeSetting> attributes,
        long version) implements VersionedState {

    @Override
    public String key() {
        return Long.toString(id);
    }
}
