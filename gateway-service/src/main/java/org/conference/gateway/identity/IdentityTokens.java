package org.conference.gateway.identity;

import java.time.Duration;

import org.conference.common.identity.Identity;
import org.conference.common.identity.InternalJwt;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Identity tokens, minted once per identity and reused for a few seconds: signing on every request was a measurable
 * share of the gateway's own time. A token lives {@link InternalJwt#MAX_LIFETIME} (60 s), so a reused one still has
 * at least 60 s minus {@code reuseFor} ahead of it. Reuse never outlives a change: a subscriber whose role or lineage
 * changed is a different {@link Identity}, hence a different key.
 */
public class IdentityTokens {

    private final InternalJwt jwt;
    private final Cache<Identity, String> recent;

    public IdentityTokens(InternalJwt jwt, Duration reuseFor) {
        if (reuseFor.compareTo(InternalJwt.MAX_LIFETIME.dividedBy(2)) > 0) {
            throw new IllegalArgumentException("reuse a token at most half its lifetime");
        }
        this.jwt = jwt;
        this.recent = Caffeine.newBuilder().expireAfterWrite(reuseFor).maximumSize(10_000).build();
    }

    public String tokenFor(Identity identity) {
        return recent.get(identity, jwt::mint);
    }
}
