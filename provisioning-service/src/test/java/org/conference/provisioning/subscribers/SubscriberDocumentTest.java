package org.conference.provisioning.subscribers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.conference.common.events.DidGroupReference;
import org.junit.jupiter.api.Test;

/** The rules a subscriber's next versions keep: a new password revokes the token; a deletion frees the login. */
class SubscriberDocumentTest {

    private final SubscriberDocument subscriber = SubscriberDocument
            .first("sid-1", "Jane.Doe", "hash-1", 3, "root", List.of("root", "sid-1"), 1_700_000_000_000L)
            .withAuthenticationToken("token-1")
            .withFirstName("Jane");

    @Test
    void aNewSubscriberIsItsFirstVersionPendingPublication() {
        assertThat(subscriber.version()).isEqualTo(1);
        assertThat(subscriber.outbox().pending()).isTrue();
        assertThat(subscriber.normalizedLogin()).isEqualTo("jane.doe");
        assertThat(subscriber.externalId()).isEqualTo(-1);
        assertThat(subscriber.didGroupReferences()).isEmpty();
        assertThat(subscriber.callback()).isNull();
    }

    @Test
    void aNewPasswordRevokesTheTokenIssuedUnderTheOldOne() {
        SubscriberDocument changed = subscriber.withPasswordHash("hash-2").nextVersion();

        assertThat(changed.passwordHash()).isEqualTo("hash-2");
        assertThat(changed.authenticationToken()).isNull();
        assertThat(changed.firstName()).isEqualTo("Jane");
        assertThat(changed.version()).isEqualTo(2);
    }

    @Test
    void theDeletedVersionFreesTheLoginAndRevokesTheToken() {
        SubscriberDocument deleted = subscriber.deletedVersion();

        assertThat(deleted.deleted()).isTrue();
        assertThat(deleted.login()).isEqualTo("deleted:sid-1");
        assertThat(deleted.normalizedLogin()).isNull();
        assertThat(deleted.authenticationToken()).isNull();
        assertThat(deleted.version()).isEqualTo(2);
    }

    @Test
    void eachChangeKeepsEverythingElse() {
        var references = List.of(new DidGroupReference(4, 0));
        SubscriberDocument changed = subscriber.withLogin("JANE").withRole(2).withEmail("jane@example.com")
                .withDidGroupReferences(references).withCallback(new CallbackDocument(9, "https://example.com", "s"));

        assertThat(changed).extracting(SubscriberDocument::sid, SubscriberDocument::login,
                        SubscriberDocument::normalizedLogin, SubscriberDocument::role, SubscriberDocument::firstName,
                        SubscriberDocument::email, SubscriberDocument::authenticationToken,
                        SubscriberDocument::lineage, SubscriberDocument::created, SubscriberDocument::version)
                .containsExactly("sid-1", "JANE", "jane", 2, "Jane", "jane@example.com", "token-1",
                        List.of("root", "sid-1"), 1_700_000_000_000L, 1L);
        assertThat(changed.didGroupReferences()).isEqualTo(references);
        assertThat(changed.callback().url()).isEqualTo("https://example.com");
    }
}
