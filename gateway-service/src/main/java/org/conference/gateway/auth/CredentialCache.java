package org.conference.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import org.conference.common.identity.AuthenticatedSubscriber;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Successful authentications, kept at most {@code ttl} (ARCHITECTURE.md section 3.2 allows 30 s) and dropped early
 * for a subscriber that changed. Keys are salted SHA-256 digests of the credentials, so no password or token sits in
 * memory as a key. A lookup that was already under way when its subscriber was evicted is not cached: otherwise a
 * slow answer from before a logout could re-admit the revoked credentials for another full ttl.
 */
public class CredentialCache {

    private final Cache<String, AuthenticatedSubscriber> entries;
    /** sid -> System.nanoTime() of its last eviction; kept longer than any lookup can take. */
    private final Cache<String, Long> evictedAt;
    private final byte[] salt = new byte[32];

    public CredentialCache(Duration ttl, long maximumSize) {
        if (ttl.compareTo(Duration.ofSeconds(30)) > 0) {
            throw new IllegalArgumentException("credentials may be cached at most 30 s (ARCHITECTURE.md section 3.2)");
        }
        this.entries = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maximumSize).build();
        this.evictedAt = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(2)).maximumSize(maximumSize).build();
        new SecureRandom().nextBytes(salt);
    }

    public String keyOf(Credentials credentials) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            byte[] digest = sha256.digest(credentials.secretMaterial().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    public Optional<AuthenticatedSubscriber> get(String key) {
        return Optional.ofNullable(entries.getIfPresent(key));
    }

    /** Taken before asking provisioning; see {@link #put}. */
    public long ticket() {
        return System.nanoTime();
    }

    /** Caches {@code subscriber} unless it was evicted after {@code ticket} was taken. */
    public void put(String key, AuthenticatedSubscriber subscriber, long ticket) {
        if (evictedSince(subscriber.sid(), ticket)) {
            return;
        }
        entries.put(key, subscriber);
        // An eviction may have slipped in between the check and the put: look again.
        if (evictedSince(subscriber.sid(), ticket)) {
            entries.invalidate(key);
        }
    }

    private boolean evictedSince(String sid, long ticket) {
        Long evicted = evictedAt.getIfPresent(sid);
        return evicted != null && evicted - ticket >= 0;
    }

    public void evictSubscriber(String sid) {
        evictedAt.put(sid, System.nanoTime());
        entries.asMap().values().removeIf(subscriber -> subscriber.sid().equals(sid));
    }
}
