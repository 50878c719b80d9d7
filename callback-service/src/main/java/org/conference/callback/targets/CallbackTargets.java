package org.conference.callback.targets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;

import reactor.core.publisher.Mono;

/**
 * Who receives an event of a subscriber's room: the subscriber's own callback and that of every ancestor that has
 * one, nearest first, one per URL (ARCHITECTURE.md §5). Answers are kept for a moment, because every event of a
 * meeting asks the same question; this instance forgets one at once when it applies a change of the subscriber.
 */
@Service
public class CallbackTargets {

    private final TargetStore store;
    private final AsyncCache<String, List<CallbackTarget>> recent;

    CallbackTargets(TargetStore store, @Value("${conference.callbacks.targets-cache:2s}") Duration keepFor) {
        this.store = store;
        this.recent = Caffeine.newBuilder().expireAfterWrite(keepFor).maximumSize(10_000).buildAsync();
    }

    /** The targets of an event owned by {@code ownerSid}; none when the subscriber is unknown or nobody listens. */
    public Mono<List<CallbackTarget>> forOwner(String ownerSid) {
        return Mono.fromFuture(() -> recent.get(ownerSid, (sid, executor) -> resolve(sid).toFuture()), true);
    }

    /** The secret deliveries to {@code sid}'s callback are signed with now; empty when it has no callback. */
    public Mono<java.util.Optional<String>> secretOf(String sid) {
        return forOwner(sid).map(targets -> targets.stream().filter(target -> target.subscriberSid().equals(sid))
                .map(CallbackTarget::secret).findFirst());
    }

    void forget(String sid) {
        // an ancestor's change touches the answers of every subscriber below it: forget them all
        recent.synchronous().invalidateAll();
    }

    private Mono<List<CallbackTarget>> resolve(String ownerSid) {
        return store.find(ownerSid).flatMap(owner -> store.findAll(owner.lineage()).collectList().map(entries -> {
            Map<String, SubscriberCallback> bySid = entries.stream()
                    .collect(Collectors.toMap(SubscriberCallback::id, Function.identity()));
            bySid.put(owner.id(), owner);
            List<String> nearestFirst = new ArrayList<>(owner.lineage());
            java.util.Collections.reverse(nearestFirst);
            if (!nearestFirst.contains(owner.id())) {
                nearestFirst.add(0, owner.id());
            }
            Set<String> urls = new LinkedHashSet<>();
            List<CallbackTarget> targets = new ArrayList<>();
            for (String sid : nearestFirst) {
                SubscriberCallback entry = bySid.get(sid);
                if (entry != null && entry.hasCallback() && urls.add(entry.url())) {
                    targets.add(new CallbackTarget(endpointId(entry.id(), entry.url()), entry.url(), entry.secret(),
                            entry.id(), entry.lineage()));
                }
            }
            return List.copyOf(targets);
        })).defaultIfEmpty(List.of());
    }

    /** A stable short name of (subscriber, URL): the same pair is the same endpoint on every instance. */
    static String endpointId(String sid, String url) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((sid + " " + url).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
