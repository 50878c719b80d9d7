package org.conference.provisioning.subscribers;

import java.util.List;

import org.conference.common.events.DidGroupReference;
import org.conference.common.identity.Identity;
import org.conference.common.identity.Role;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The Subscriber object of the reference. {@code password} and {@code eventCallbackUrl} are write-only and never
 * appear; the bearer token and the callback secret appear only to the subscriber itself and its administrators.
 * Fields that are not set are left out, as in the reference's samples; lists are always there, empty or not.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriberView(
        String authenticationToken,
        CallbackView callback,
        long created,
        String details,
        List<DidGroupReference> didGroupReferences,
        String email,
        String ext,
        long externalId,
        String firstName,
        String lastName,
        String login,
        List<?> meetingRooms,
        String parentSid,
        String phoneNumber,
        int role,
        String sid) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CallbackView(long id, String url, String secret) {
    }

    public static SubscriberView of(SubscriberDocument s, List<?> meetingRooms, Identity viewer) {
        boolean trusted = viewer.sid().equals(s.sid())
                || (viewer.role() == Role.ADMINISTRATOR && s.lineage().contains(viewer.sid()))
                || viewer.role() == Role.SERVICE;
        CallbackView callback = s.callback() == null ? null
                : new CallbackView(s.callback().id(), s.callback().url(), trusted ? s.callback().secret() : null);
        return new SubscriberView(trusted ? s.authenticationToken() : null, callback, s.created(), s.details(),
                s.didGroupReferences(), s.email(), s.ext(), s.externalId(), s.firstName(), s.lastName(), s.login(),
                meetingRooms, s.parentSid(), s.phoneNumber(), s.role(), s.sid());
    }
}
