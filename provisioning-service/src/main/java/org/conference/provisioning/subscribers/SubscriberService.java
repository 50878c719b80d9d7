package org.conference.provisioning.subscribers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.conference.common.api.ApiException;
import org.conference.common.events.DidGroupReference;
import org.conference.common.identity.Identity;
import org.conference.common.identity.Role;
import org.conference.common.query.ListQuery;
import org.conference.common.query.Page;
import org.conference.provisioning.didgroups.DidGroupDirectory;
import org.conference.provisioning.didgroups.DidGroupReferenceRequest;
import org.conference.provisioning.outbox.Outbox;
import org.conference.provisioning.outbox.StateWrites;
import org.conference.provisioning.support.Access;
import org.conference.provisioning.support.Counters;
import org.conference.provisioning.support.MongoLists;
import org.conference.provisioning.support.PasswordHashing;
import org.conference.provisioning.support.RandomIdentifiers;
import org.conference.provisioning.support.UniqueIndexes;
import org.conference.provisioning.subscribers.SubscriberRequests.NewSubscriber;
import org.conference.provisioning.subscribers.SubscriberRequests.SubscriberChanges;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Subscribers: the hierarchy, roles and credentials every other object hangs from. */
@Service
public class SubscriberService {

    private final ReactiveMongoTemplate mongo;
    private final StateWrites writes;
    private final MongoLists lists;
    private final PasswordHashing passwords;
    private final RandomIdentifiers random;
    private final Counters counters;
    private final DidGroupDirectory didGroups;
    private final List<SubscriberHoldings> holdings;

    public SubscriberService(ReactiveMongoTemplate mongo, StateWrites writes, MongoLists lists,
            PasswordHashing passwords, RandomIdentifiers random, Counters counters, DidGroupDirectory didGroups,
            List<SubscriberHoldings> holdings) {
        this.mongo = mongo;
        this.writes = writes;
        this.lists = lists;
        this.passwords = passwords;
        this.random = random;
        this.counters = counters;
        this.didGroups = didGroups;
        this.holdings = holdings;
    }

    /** The live subscriber {@code sid}, whoever asks (for other features' ownership checks). */
    public Mono<SubscriberDocument> byId(String sid) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(sid).and("deleted").is(false)),
                SubscriberDocument.class, SubscriberDocument.COLLECTION);
    }

    public Mono<SubscriberDocument> find(Identity caller, String sid) {
        return byId(sid).filter(s -> Access.canRead(caller, s))
                .switchIfEmpty(Mono.error(ApiException.notFound("subscriber")));
    }

    public Mono<Page<SubscriberDocument>> list(Identity caller, ListQuery query) {
        return lists.page(query, Access.readable(caller, "_id", "lineage"), SubscriberDocument.class,
                SubscriberDocument.COLLECTION);
    }

    public Mono<SubscriberDocument> create(Identity caller, NewSubscriber request) {
        if (caller.role() != Role.ADMINISTRATOR) {
            return Mono.error(ApiException.forbidden());
        }
        return Mono.defer(() -> {
            int role = request.role() == null ? Role.USER.code() : request.role();
            requireGrantable(caller, role);
            String sid = random.subscriberSid();
            List<String> lineage = new ArrayList<>(caller.lineage());
            lineage.add(sid);
            String callbackUrl = request.eventCallbackUrl() != null ? request.eventCallbackUrl()
                    : request.callback() == null ? null : request.callback().url();
            return Mono.zip(passwords.hash(request.password()), references(request.didGroupReferences(), lineage),
                            callbackFor(callbackUrl, null))
                    .flatMap(prepared -> {
                        // The creator (an administrator) gets the new subscriber's token with it, as the reference's
                        // create answer shows; logging out revokes it like any other.
                        var created = new SubscriberDocument(sid, request.login(), null, prepared.getT1(),
                                random.authenticationToken(), role, caller.sid(), lineage, request.firstName(),
                                request.lastName(), request.email(), request.phoneNumber(), request.details(),
                                request.ext(), -1, System.currentTimeMillis(), prepared.getT2(),
                                prepared.getT3().orElse(null), 1, false, Outbox.PENDING);
                        return writes.insert(created, SubscriberDocument.COLLECTION)
                                .flatMap(inserted -> writes.allLive(SubscriberDocument.COLLECTION,
                                                List.of(caller.sid()))
                                        .flatMap(live -> live ? Mono.just(inserted) : remove(inserted)
                                                .then(Mono.error(ApiException.unauthorized()))));
                    });
        }).onErrorMap(SubscriberService::isLoginTaken, e -> loginTaken());
    }

    public Mono<SubscriberDocument> update(Identity caller, String sid, SubscriberChanges request) {
        return StateWrites.retryingConflicts(find(caller, sid).flatMap(current -> {
            Access.requireWrite(caller, current, "subscriber");
            var changes = current.changes();
            applyProfile(request, changes);
            changes.login = request.login().orElse(current.login());
            if (request.role().isSent()) {
                changes.role = changeRole(caller, current, request.role().value());
            }
            Mono<String> passwordHash = request.password().isSent() ? passwords.hash(request.password().value())
                    : Mono.just(current.passwordHash());
            Mono<List<DidGroupReference>> references = request.didGroupReferences().isSent()
                    ? references(request.didGroupReferences().value(), current.lineage())
                    : Mono.just(current.didGroupReferences());
            boolean callbackSent = request.eventCallbackUrl().isSent() || request.callback().isSent();
            String callbackUrl = request.eventCallbackUrl().isSent() ? request.eventCallbackUrl().value()
                    : request.callback().map(SubscriberRequests.CallbackRequest::url).value();
            return Mono.zip(passwordHash, references, callbackFor(callbackUrl, current.callback()))
                    .flatMap(prepared -> {
                        if (!prepared.getT1().equals(current.passwordHash())) {
                            changes.passwordHash = prepared.getT1();
                            changes.authenticationToken = null;
                        }
                        changes.didGroupReferences = prepared.getT2();
                        if (callbackSent) {
                            changes.callback = prepared.getT3().orElse(null);
                        }
                        return writes.replace(current, current.nextVersion(changes), SubscriberDocument.COLLECTION);
                    });
        })).onErrorMap(SubscriberService::isLoginTaken, e -> loginTaken());
    }

    /** Refused (409, naming the blocker) while the subscriber has children, rooms or DID groups: nothing may be left dangling. */
    public Mono<Void> delete(Identity caller, String sid) {
        return StateWrites.retryingConflicts(find(caller, sid).flatMap(current -> {
            if (caller.sid().equals(sid) || caller.role() != Role.ADMINISTRATOR) {
                return Mono.error(ApiException.forbidden());
            }
            Access.requireWrite(caller, current, "subscriber");
            return writes.markDeleting(current, SubscriberDocument.COLLECTION)
                    .then(firstHolding(sid))
                    .flatMap(holding -> writes.unmarkDeleting(current, SubscriberDocument.COLLECTION)
                            .then(Mono.<SubscriberDocument>error(ApiException.conflict("sid",
                                    "subscriber still owns " + holding.what() + " " + holding.id(), holding.id()))))
                    .switchIfEmpty(Mono.defer(() -> remove(current)));
        })).then();
    }

    /** Revokes the bearer token in use; the next password login issues a new one. */
    public Mono<Void> logout(Identity caller) {
        return StateWrites.retryingConflicts(byId(caller.sid())
                .switchIfEmpty(Mono.error(ApiException.unauthorized()))
                .flatMap(current -> {
                    var changes = current.changes();
                    changes.authenticationToken = null;
                    return writes.replace(current, current.nextVersion(changes), SubscriberDocument.COLLECTION);
                })).then();
    }

    /**
     * Writes the deleted version (tombstone pending, login released, token revoked). Also takes back a subscriber
     * whose parent went away while it was being created.
     */
    private Mono<SubscriberDocument> remove(SubscriberDocument subscriber) {
        var changes = subscriber.changes();
        changes.deleted = true;
        changes.login = "deleted:" + subscriber.sid();
        changes.authenticationToken = null;
        return writes.replace(subscriber, subscriber.nextVersion(changes), SubscriberDocument.COLLECTION);
    }

    private Mono<SubscriberHoldings.Holding> firstHolding(String sid) {
        Mono<SubscriberHoldings.Holding> child = mongo.findOne(
                        Query.query(Criteria.where("parentSid").is(sid).and("deleted").is(false)),
                        SubscriberDocument.class, SubscriberDocument.COLLECTION)
                .map(found -> new SubscriberHoldings.Holding("subscriber", found.sid()));
        return Flux.concat(Flux.just(child), Flux.fromIterable(holdings).map(h -> h.firstHeldBy(sid)))
                .concatMap(holding -> holding).next();
    }

    private Mono<List<DidGroupReference>> references(List<DidGroupReferenceRequest> requested,
            List<String> lineage) {
        return didGroups.references(requested, lineage, "didGroupReferences");
    }

    /** A URL sets the callback, keeping its id and secret if there was one; none (or empty) removes it. */
    private Mono<Optional<CallbackDocument>> callbackFor(String url, CallbackDocument current) {
        if (url == null || url.isEmpty()) {
            return Mono.just(Optional.empty());
        }
        if (current != null) {
            return Mono.just(Optional.of(new CallbackDocument(current.id(), url, current.secret())));
        }
        return counters.next("callbacks")
                .map(id -> Optional.of(new CallbackDocument(id, url, random.webhookSecret())));
    }

    private static void applyProfile(SubscriberChanges request, SubscriberDocument.Changes changes) {
        changes.firstName = request.firstName().orElse(changes.firstName);
        changes.lastName = request.lastName().orElse(changes.lastName);
        changes.email = request.email().orElse(changes.email);
        changes.phoneNumber = request.phoneNumber().orElse(changes.phoneNumber);
        changes.details = request.details().orElse(changes.details);
        changes.ext = request.ext().orElse(changes.ext);
    }

    /** Only an administrator above the subscriber sets its role, and never above its own (ARCHITECTURE.md §3.5). */
    private static int changeRole(Identity caller, SubscriberDocument target, int role) {
        if (role == target.role()) {
            return role;
        }
        if (caller.sid().equals(target.sid()) || caller.role() != Role.ADMINISTRATOR) {
            throw ApiException.forbidden();
        }
        requireGrantable(caller, role);
        return role;
    }

    private static void requireGrantable(Identity caller, int role) {
        if (!caller.role().mayGrant(Role.ofSubscriberCode(role))) {
            throw ApiException.forbidden();
        }
    }

    private static boolean isLoginTaken(Throwable failure) {
        return failure instanceof DuplicateKeyException && (UniqueIndexes.isViolated(failure, UniqueIndexes.LOGIN)
                || UniqueIndexes.isViolated(failure, UniqueIndexes.NORMALIZED_LOGIN));
    }

    private static ApiException loginTaken() {
        return ApiException.conflict("login", "login is already taken (logins are unique regardless of letter case)",
                null);
    }
}
