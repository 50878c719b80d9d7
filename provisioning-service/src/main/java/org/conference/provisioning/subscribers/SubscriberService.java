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
import org.conference.provisioning.outbox.Outbox;
import org.conference.provisioning.outbox.StateWrites;
import org.conference.provisioning.support.Access;
import org.conference.provisioning.support.Counters;
import org.conference.provisioning.support.JsonBody;
import org.conference.provisioning.support.MongoLists;
import org.conference.provisioning.support.PasswordHashing;
import org.conference.provisioning.support.RandomIdentifiers;
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

    public Mono<SubscriberDocument> create(Identity caller, JsonBody body) {
        if (caller.role() != Role.ADMINISTRATOR) {
            return Mono.error(ApiException.forbidden());
        }
        return Mono.defer(() -> {
            String login = SubscriberRules.login(body.requiredString("login"));
            String password = SubscriberRules.password(body.requiredString("password"));
            int role = SubscriberRules.role(body.integer("role").orElse(3L));
            requireGrantable(caller, role);
            String sid = random.subscriberSid();
            List<String> lineage = new ArrayList<>(caller.lineage());
            lineage.add(sid);
            return Mono.zip(passwords.hash(password), references(body, lineage), callbackFor(body, null))
                    .flatMap(prepared -> {
                        var draft = new SubscriberDocument(sid, login, prepared.getT1(), null, role, caller.sid(),
                                lineage, null, null, null, null, null, null, -1, System.currentTimeMillis(),
                                prepared.getT2(), prepared.getT3().orElse(null), 0, false, Outbox.PENDING);
                        var changes = draft.changes();
                        applyProfile(body, changes);
                        return writes.insert(draft.nextVersion(changes), SubscriberDocument.COLLECTION)
                                .flatMap(created -> writes.allLive(SubscriberDocument.COLLECTION,
                                                List.of(caller.sid()))
                                        .flatMap(live -> live ? Mono.just(created) : remove(created)
                                                .then(Mono.error(ApiException.unauthorized()))));
                    });
        }).onErrorMap(DuplicateKeyException.class, e -> loginTaken());
    }

    public Mono<SubscriberDocument> update(Identity caller, String sid, JsonBody body) {
        return StateWrites.retryingConflicts(find(caller, sid).flatMap(current -> {
            Access.requireWrite(caller, current, "subscriber");
            var changes = current.changes();
            applyProfile(body, changes);
            body.string("login").ifPresent(login -> changes.login = SubscriberRules.login(login));
            if (body.has("role")) {
                changes.role = changeRole(caller, current, body.requiredInteger("role"));
            }
            Mono<String> passwordHash = body.string("password")
                    .map(p -> passwords.hash(SubscriberRules.password(p)))
                    .orElse(Mono.just(current.passwordHash()));
            Mono<List<DidGroupReference>> references = body.has("didGroupReferences")
                    ? references(body, current.lineage()) : Mono.just(current.didGroupReferences());
            return Mono.zip(passwordHash, references, callbackFor(body, current.callback()))
                    .flatMap(prepared -> {
                        if (!prepared.getT1().equals(current.passwordHash())) {
                            changes.passwordHash = prepared.getT1();
                            changes.authenticationToken = null;
                        }
                        changes.didGroupReferences = prepared.getT2();
                        if (body.has("eventCallbackUrl") || body.has("callback")) {
                            changes.callback = prepared.getT3().orElse(null);
                        }
                        return writes.replace(current, current.nextVersion(changes), SubscriberDocument.COLLECTION);
                    });
        })).onErrorMap(DuplicateKeyException.class, e -> loginTaken());
    }

    /** Refused (409) while the subscriber has children, rooms or DID groups: nothing may be left dangling. */
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

    private Mono<List<DidGroupReference>> references(JsonBody body, List<String> lineage) {
        return didGroups.references(body.objects("didGroupReferences"), lineage, "didGroupReferences");
    }

    /** {@code eventCallbackUrl} (write-only) or {@code callback.url} set the callback; its id and secret are kept. */
    private Mono<Optional<CallbackDocument>> callbackFor(JsonBody body, CallbackDocument current) {
        String field = body.has("eventCallbackUrl") ? "eventCallbackUrl" : "callback.url";
        String url = body.has("eventCallbackUrl") ? body.string("eventCallbackUrl").orElse(null)
                : body.object("callback").flatMap(cb -> cb.string("url")).orElse(null);
        if (url == null || url.isBlank()) {
            return Mono.just(Optional.empty());
        }
        SubscriberRules.callbackUrl(field, url);
        if (current != null) {
            return Mono.just(Optional.of(new CallbackDocument(current.id(), url, current.secret())));
        }
        return counters.next("callbacks")
                .map(id -> Optional.of(new CallbackDocument(id, url, random.webhookSecret())));
    }

    private static void applyProfile(JsonBody body, SubscriberDocument.Changes changes) {
        if (body.has("firstName")) {
            changes.firstName = SubscriberRules.text("firstName", body.string("firstName").orElse(null));
        }
        if (body.has("lastName")) {
            changes.lastName = SubscriberRules.text("lastName", body.string("lastName").orElse(null));
        }
        if (body.has("email")) {
            changes.email = SubscriberRules.email(body.string("email").orElse(null));
        }
        if (body.has("phoneNumber")) {
            changes.phoneNumber = SubscriberRules.text("phoneNumber", body.string("phoneNumber").orElse(null));
        }
        if (body.has("details")) {
            changes.details = SubscriberRules.text("details", body.string("details").orElse(null));
        }
        if (body.has("ext")) {
            changes.ext = SubscriberRules.text("ext", body.string("ext").orElse(null));
        }
    }

    /** Only an administrator above the subscriber sets its role, and never above its own (ARCHITECTURE.md §3.5). */
    private static int changeRole(Identity caller, SubscriberDocument target, long requested) {
        int role = SubscriberRules.role(requested);
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

    private static ApiException loginTaken() {
        return ApiException.conflict("login", "login is already taken", null);
    }
}
