package org.conference.gateway.auth;

import org.conference.common.identity.AuthenticatedSubscriber;

import reactor.core.publisher.Mono;

/** Credentials to subscriber: from the cache when a recent check succeeded, else from provisioning. */
public class Authenticator {

    private final CredentialCache cache;
    private final AuthenticationClient client;

    public Authenticator(CredentialCache cache, AuthenticationClient client) {
        this.cache = cache;
        this.client = client;
    }

    /** The subscriber, empty when the credentials are wrong, or a 503 error when that cannot be decided now. */
    public Mono<AuthenticatedSubscriber> authenticate(Credentials credentials, String requestId) {
        String key = cache.keyOf(credentials);
        var cached = cache.get(key);
        if (cached.isPresent()) {
            return Mono.just(cached.get());
        }
        long ticket = cache.ticket();
        return client.authenticate(credentials.toRequest(), requestId)
                .doOnNext(subscriber -> cache.put(key, subscriber, ticket));
    }

    public void evictSubscriber(String sid) {
        cache.evictSubscriber(sid);
    }
}
