package org.conference.provisioning.subscribers;

import static org.conference.provisioning.subscribers.SubscriberDocument.COLLECTION;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.conference.common.api.ApiException;
import org.conference.common.events.DidGroupReference;
import org.conference.common.identity.Identity;
import org.conference.common.identity.Role;
import org.conference.common.persistence.Dependent;
import org.conference.common.persistence.GuardedCreation;
import org.conference.common.persistence.GuardedDeletion;
import org.conference.common.persistence.OptimisticWrites;
import org.conference.common.persistence.SoftDeletion;
import org.conference.common.query.ListQuery;
import org.conference.common.query.Page;
import org.conference.provisioning.outbox.StateWrites;
import org.conference.provisioning.subscribers.SubscriberRequests.NewSubscriber;
import org.conference.provisioning.subscribers.SubscriberRequests.SubscriberChanges;
import org.conference.provisioning.support.Access;
import org.conference.provisioning.support.Counters;
import org.conference.provisioning.support.DidGroupReferenceRequest;
import org.conference.provisioning.support.MongoLists;
import org.conference.provisioning.support.Owner;
import org.conference.provisioning.support.PasswordHashing;
import org.conference.provisioning.support.RandomIdentifiers;
import org.conference.provisioning.support.UniqueIndexes;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Subscribers: the hierarchy, roles and credentials every other object hangs from. */
@Service
public class SubscriberService {

    private final ReactiveMongoTemplate mongo;
    private final StateWrites writes;
    private final GuardedDeletion deletions;
    private final MongoLists lists;
    private final PasswordHashing passwords;
    private final RandomIdentifiers random;
    private final Counters counters;
    private final ReachableDidGroups didGroups;
    private final List<SubscriberHoldings> holdings;

    public SubscriberService(ReactiveMongoTemplate mongo, StateWrites writes, GuardedDeletion deletions,
            MongoLists lists, PasswordHashing passwords, RandomIdentifiers random, Counters counters,
            ReachableDidGroups didGroups, List<SubscriberHoldings> holdings) {
        this.mongo = mongo;
        this.writes = writes;
        this.deletions = deletions;
        this.lists = lists;
        this.passwords = passwords;
        this.random = random;
        this.counters = counters;
        this.didGroups = didGroups;
        this.holdings = holdings;
    }

    public Mono<SubscriberDocument> find(Identity caller, String sid) {
        return byId(sid).filter(s -> Access.canRead(caller, s))
                .switchIfEmpty(Mono.error(ApiException.notFound("subscriber")));
    }

    /** Subscriber {@code sid} as the owner of other objects, if the caller may see it; 404 otherwise. */
    public Mono<Owner> owner(Identity caller, String sid) {
        return find(caller, sid).map(Owner::of);
    }

    /** True while subscriber {@code sid} is neither deleted nor being deleted (the check after a create). */
    public Mono<Boolean> remains(String sid) {
        return deletions.allRemain(COLLECTION, List.of(sid));
    }

    public Mono<Page<SubscriberDocument>> list(Identity caller, ListQuery query) {
        return lists.page(query, Access.readable(caller, "_id", "lineage"), SubscriberDocument.class, COLLECTION);
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
                        var created = SubscriberDocument.first(sid, request.login(), prepared.getT1(), role,
                                        caller.sid(), lineage, System.currentTimeMillis())
                                .withAuthenticationToken(random.authenticationToken())
                                .withFirstName(request.firstName()).withLastName(request.lastName())
                                .withEmail(request.email()).withPhoneNumber(request.phoneNumber())
                                .withDetails(request.details()).withExt(request.ext())
                                .withDidGroupReferences(prepared.getT2())
                                .withCallback(prepared.getT3().orElse(null));
                        return writes.insert(created, COLLECTION)
                                .flatMap(inserted -> GuardedCreation.keepIfTargetsRemain(inserted,
                                        remains(caller.sid()), this::remove, ApiException::unauthorized));
                    });
        }).onErrorMap(SubscriberService::isLoginTaken, e -> loginTaken());
    }

    public Mono<SubscriberDocument> update(Identity caller, String sid, SubscriberChanges request) {
        return OptimisticWrites.retryingConflicts(find(caller, sid).flatMap(current -> {
            Access.requireWrite(caller, current, "subscriber");
            SubscriberDocument changed = withProfile(current, request);
            if (request.role().isSent()) {
                changed = changed.withRole(changeRole(caller, current, request.role().value()));
            }
            Mono<String> passwordHash = request.password().isSent() ? passwords.hash(request.password().value())
                    : Mono.just(current.passwordHash());
            Mono<List<DidGroupReference>> references = request.didGroupReferences().isSent()
                    ? references(request.didGroupReferences().value(), current.lineage())
                    : Mono.just(current.didGroupReferences());
            boolean callbackSent = request.eventCallbackUrl().isSent() || request.callback().isSent();
            String callbackUrl = request.eventCallbackUrl().isSent() ? request.eventCallbackUrl().value()
                    : request.callback().map(SubscriberRequests.CallbackRequest::url).value();
            SubscriberDocument profiled = changed;
            return Mono.zip(passwordHash, references, callbackFor(callbackUrl, current.callback()))
                    .flatMap(prepared -> {
                        SubscriberDocument next = prepared.getT1().equals(current.passwordHash()) ? profiled
                                : profiled.withPasswordHash(prepared.getT1());
                        next = next.withDidGroupReferences(prepared.getT2());
                        if (callbackSent) {
                            next = next.withCallback(prepared.getT3().orElse(null));
                        }
                        return writes.replace(current, next.nextVersion(), COLLECTION);
                    });
        })).onErrorMap(SubscriberService::isLoginTaken, e -> loginTaken());
    }

    /**
     * Refused (409, naming the blocker) while the subscriber has children, rooms or DID groups: nothing may be left
     * dangling.
     */
    public Mono<Void> delete(Identity caller, String sid) {
        return OptimisticWrites.retryingConflicts(find(caller, sid).flatMap(current -> {
            if (caller.sid().equals(sid) || caller.role() != Role.ADMINISTRATOR) {
                return Mono.error(ApiException.forbidden());
            }
            Access.requireWrite(caller, current, "subscriber");
            return deletions.deleteUnlessDepended(current, COLLECTION, firstHolding(sid),
                    holding -> ApiException.conflict("sid",
                            "subscriber still owns " + holding.what() + " " + holding.id(), holding.id()),
                    this::remove);
        })).then();
    }

    /** Revokes the bearer token in use; the next password login issues a new one. */
    public Mono<Void> logout(Identity caller) {
        return OptimisticWrites.retryingConflicts(byId(caller.sid())
                .switchIfEmpty(Mono.error(ApiException.unauthorized()))
                .flatMap(current -> writes.replace(current, current.withAuthenticationToken(null).nextVersion(),
                        COLLECTION))).then();
    }

    private Mono<SubscriberDocument> byId(String sid) {
        return mongo.findOne(SoftDeletion.liveWhere(Criteria.where("_id").is(sid)), SubscriberDocument.class,
                COLLECTION);
    }

    /** Writes the deleted version. Also takes back a subscriber whose parent went away while it was being created. */
    private Mono<SubscriberDocument> remove(SubscriberDocument subscriber) {
        return writes.replace(subscriber, subscriber.deletedVersion(), COLLECTION);
    }

    private Mono<Dependent> firstHolding(String sid) {
        Mono<Dependent> child = mongo.findOne(SoftDeletion.liveWhere(Criteria.where("parentSid").is(sid)),
                        SubscriberDocument.class, COLLECTION)
                .map(found -> new Dependent("subscriber", found.sid()));
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

    /** The login and profile fields the request sends; the others stay. */
    private static SubscriberDocument withProfile(SubscriberDocument current, SubscriberChanges request) {
        SubscriberDocument changed = request.login().applyTo(current, SubscriberDocument::withLogin);
        changed = request.firstName().applyTo(changed, SubscriberDocument::withFirstName);
        changed = request.lastName().applyTo(changed, SubscriberDocument::withLastName);
        changed = request.email().applyTo(changed, SubscriberDocument::withEmail);
        changed = request.phoneNumber().applyTo(changed, SubscriberDocument::withPhoneNumber);
        changed = request.details().applyTo(changed, SubscriberDocument::withDetails);
        return request.ext().applyTo(changed, SubscriberDocument::withExt);
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
