package org.conference.provisioning.subscribers;

import java.util.List;
import java.util.Locale;

import org.conference.common.events.CallbackState;
import org.conference.common.events.DidGroupReference;
import org.conference.common.events.SubscriberState;
import org.conference.provisioning.outbox.Outbox;
import org.conference.provisioning.outbox.OutboxEntity;
import org.conference.provisioning.support.Owned;
import org.springframework.data.annotation.Id;

/**
 * A subscriber as stored: credentials (BCrypt hash, current bearer token) stay in this service; {@code lineage} runs
 * from the root administrator down to this subscriber and never changes ({@code parentSid} is read-only).
 * {@code login} is kept as the client wrote it; {@code normalizedLogin}, its lower-case form, is what is unique and
 * what a login is looked up by. It is derived, never set: every write stores it (deleted subscribers have none).
 */
public record SubscriberDocument(
        @Id String sid,
        String login,
        String normalizedLogin,
        String passwordHash,
        String authenticationToken,
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
        CallbackDocument callback,
        long version,
        boolean deleted,
        Outbox outbox) implements OutboxEntity, Owned {

    public static final String COLLECTION = "subscribers";

    public SubscriberDocument {
        normalizedLogin = deleted ? null : normalizeLogin(login);
        lineage = List.copyOf(lineage);
        didGroupReferences = didGroupReferences == null ? List.of() : List.copyOf(didGroupReferences);
    }

    /** Logins are ASCII (see the request rules), so lower-casing in the root locale is exact. */
    public static String normalizeLogin(String login) {
        return login == null ? null : login.toLowerCase(Locale.ROOT);
    }

    @Override
    public Object documentId() {
        return sid;
    }

    @Override
    public String ownerSid() {
        return sid;
    }

    @Override
    public List<String> ownerLineage() {
        return lineage;
    }

    @Override
    public String stateKey() {
        return sid;
    }

    @Override
    public SubscriberState publishedState() {
        CallbackState callbackState = callback == null ? null
                : new CallbackState(callback.id(), callback.url(), callback.secret());
        return new SubscriberState(sid, login, role, parentSid, lineage, firstName, lastName, email, phoneNumber,
                details, ext, externalId, created, didGroupReferences, callbackState, version);
    }

    /** The next version of this subscriber, pending publication. */
    SubscriberDocument nextVersion(Changes changes) {
        return new SubscriberDocument(sid, changes.login, null, changes.passwordHash, changes.authenticationToken,
                changes.role, parentSid, lineage, changes.firstName, changes.lastName, changes.email,
                changes.phoneNumber, changes.details, changes.ext, externalId, created, changes.didGroupReferences,
                changes.callback, version + 1, changes.deleted, Outbox.PENDING);
    }

    Changes changes() {
        return new Changes(this);
    }

    /** The mutable part of a subscriber while an update is being worked out. */
    static final class Changes {
        String login;
        String passwordHash;
        String authenticationToken;
        int role;
        String firstName;
        String lastName;
        String email;
        String phoneNumber;
        String details;
        String ext;
        List<DidGroupReference> didGroupReferences;
        CallbackDocument callback;
        boolean deleted;

        private Changes(SubscriberDocument from) {
            login = from.login;
            passwordHash = from.passwordHash;
            authenticationToken = from.authenticationToken;
            role = from.role;
            firstName = from.firstName;
            lastName = from.lastName;
            email = from.email;
            phoneNumber = from.phoneNumber;
            details = from.details;
            ext = from.ext;
            didGroupReferences = from.didGroupReferences;
            callback = from.callback;
            deleted = from.deleted;
        }
    }
}
