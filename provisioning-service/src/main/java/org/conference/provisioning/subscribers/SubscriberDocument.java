package org.conference.provisioning.subscribers;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

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
 * Changes are made with the {@code with…} methods, then {@link #nextVersion()}.
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
    /** The reference shows -1 for every subscriber; nothing in the API sets it. */
    private static final long NO_EXTERNAL_ID = -1;

    public SubscriberDocument {
        normalizedLogin = deleted ? null : normalizeLogin(login);
        lineage = List.copyOf(lineage);
        didGroupReferences = didGroupReferences == null ? List.of() : List.copyOf(didGroupReferences);
    }

    /**
     * The first version of a new subscriber, pending publication: no profile, token, DID group references or callback
     * until they are added with the {@code with…} methods. {@code lineage} ends with {@code sid}.
     */
    static SubscriberDocument first(String sid, String login, String passwordHash, int role, String parentSid,
            List<String> lineage, long created) {
        return new SubscriberDocument(sid, login, null, passwordHash, null, role, parentSid, lineage, null, null, null,
                null, null, null, NO_EXTERNAL_ID, created, List.of(), null, 1, false, Outbox.PENDING);
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

    SubscriberDocument withLogin(String newLogin) {
        return with(next -> next.login = newLogin);
    }

    /** A new password; the bearer token issued under the old one is revoked with it. */
    SubscriberDocument withPasswordHash(String newHash) {
        return with(next -> {
            next.passwordHash = newHash;
            next.authenticationToken = null;
        });
    }

    /** {@code null} revokes the token: the next password login issues a new one. */
    SubscriberDocument withAuthenticationToken(String token) {
        return with(next -> next.authenticationToken = token);
    }

    SubscriberDocument withRole(int newRole) {
        return with(next -> next.role = newRole);
    }

    SubscriberDocument withFirstName(String newFirstName) {
        return with(next -> next.firstName = newFirstName);
    }

    SubscriberDocument withLastName(String newLastName) {
        return with(next -> next.lastName = newLastName);
    }

    SubscriberDocument withEmail(String newEmail) {
        return with(next -> next.email = newEmail);
    }

    SubscriberDocument withPhoneNumber(String newPhoneNumber) {
        return with(next -> next.phoneNumber = newPhoneNumber);
    }

    SubscriberDocument withDetails(String newDetails) {
        return with(next -> next.details = newDetails);
    }

    SubscriberDocument withExt(String newExt) {
        return with(next -> next.ext = newExt);
    }

    SubscriberDocument withDidGroupReferences(List<DidGroupReference> references) {
        return with(next -> next.didGroupReferences = references);
    }

    /** {@code null} removes the callback. */
    SubscriberDocument withCallback(CallbackDocument newCallback) {
        return with(next -> next.callback = newCallback);
    }

    /** This state as the next version, pending publication. */
    SubscriberDocument nextVersion() {
        return with(next -> {
            next.version = version + 1;
            next.outbox = Outbox.PENDING;
        });
    }

    /** The deleted version: tombstone pending, login released for others to take, token revoked. */
    SubscriberDocument deletedVersion() {
        return with(next -> {
            next.deleted = true;
            next.login = "deleted:" + sid;
            next.authenticationToken = null;
        }).nextVersion();
    }

    private SubscriberDocument with(Consumer<Draft> change) {
        Draft draft = new Draft(this);
        change.accept(draft);
        return draft.toDocument();
    }

    /** The changeable part of a subscriber while one {@code with…} step is worked out; never leaves this record. */
    private static final class Draft {
        private final SubscriberDocument from;
        private String login;
        private String passwordHash;
        private String authenticationToken;
        private int role;
        private String firstName;
        private String lastName;
        private String email;
        private String phoneNumber;
        private String details;
        private String ext;
        private List<DidGroupReference> didGroupReferences;
        private CallbackDocument callback;
        private long version;
        private boolean deleted;
        private Outbox outbox;

        private Draft(SubscriberDocument from) {
            this.from = from;
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
            version = from.version;
            deleted = from.deleted;
            outbox = from.outbox;
        }

        private SubscriberDocument toDocument() {
            return new SubscriberDocument(from.sid, login, null, passwordHash, authenticationToken, role,
                    from.parentSid, from.lineage, firstName, lastName, email, phoneNumber, details, ext,
                    from.externalId, from.created, didGroupReferences, callback, version, deleted, outbox);
        }
    }
}
