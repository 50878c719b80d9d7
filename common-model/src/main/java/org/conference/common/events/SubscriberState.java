package org.conference.common.events;

import java.util.List;

/**
 * Full state of a subscriber on {@link Topics#SUBSCRIBERS}. Holds no credential: the password hash and authentication
 * token never leave provisioning-service. {@code lineage} runs from the root administrator down to this subscriber.
 */
public record SubscriberState(
        String sid,
        String login,
        int role,
        String parentSid,
        List<String> lineage,
        String firstName,
        String lastName,
        String email,
        String phoneNumber,
        String details,
        String ext,
        long externalId,
        long created,
        List<DidGroupReference> didGroupReferences,
        CallbackState callback,
        long version) implements VersionedState {

    @Override
    public String key() {
        return sid;
    }
}
