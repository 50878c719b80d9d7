package org.conference.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.conference.common.identity.AuthenticatedSubscriber;
import org.junit.jupiter.api.Test;

class CredentialCacheTest {

    private final CredentialCache cache = new CredentialCache(Duration.ofSeconds(30), 100);
    private final AuthenticatedSubscriber alice = new AuthenticatedSubscriber("sid-a", "alice", 3, List.of("sid-a"));

    @Test
    void keysDependOnTheWholeSecretAndHideIt() {
        String key = cache.keyOf(new Credentials.Basic("alice", "secret"));
        assertThat(key).isEqualTo(cache.keyOf(new Credentials.Basic("alice", "secret")))
                .isNotEqualTo(cache.keyOf(new Credentials.Basic("alice", "secreT")))
                .isNotEqualTo(cache.keyOf(new Credentials.Bearer("secret")))
                .doesNotContain("secret");
    }

    @Test
    void evictsEveryEntryOfASubscriber() {
        String basic = cache.keyOf(new Credentials.Basic("alice", "secret"));
        String bearer = cache.keyOf(new Credentials.Bearer("token-a"));
        String bob = cache.keyOf(new Credentials.Bearer("token-b"));
        cache.put(basic, alice, cache.ticket());
        cache.put(bearer, alice, cache.ticket());
        cache.put(bob, new AuthenticatedSubscriber("sid-b", "bob", 3, List.of("sid-b")), cache.ticket());

        cache.evictSubscriber("sid-a");

        assertThat(cache.get(basic)).isEmpty();
        assertThat(cache.get(bearer)).isEmpty();
        assertThat(cache.get(bob)).isPresent();
    }

    @Test
    void doesNotCacheAnAnswerThatWasUnderWayWhenItsSubscriberChanged() {
        String key = cache.keyOf(new Credentials.Basic("alice", "old-password"));
        long ticket = cache.ticket();
        cache.evictSubscriber("sid-a");
        cache.put(key, alice, ticket);
        assertThat(cache.get(key)).isEmpty();

        cache.put(key, alice, cache.ticket());
        assertThat(cache.get(key)).isPresent();
    }

    @Test
    void refusesToCacheLongerThanTheArchitectureAllows() {
        assertThatThrownBy(() -> new CredentialCache(Duration.ofSeconds(31), 10))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
