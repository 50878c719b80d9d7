package org.conference.provisioning.rooms;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.conference.common.api.ApiException;
import org.conference.common.attributes.AttributeLevel;
import org.conference.common.events.AttributeSetting;
import org.conference.common.events.DidGroupReference;
import org.conference.common.events.MeetingKey;
import org.conference.common.identity.Identity;
import org.conference.common.query.ListQuery;
import org.conference.common.query.Page;
import org.conference.provisioning.didgroups.DidGroupDirectory;
import org.conference.provisioning.didgroups.DidGroupDocument;
import org.conference.provisioning.outbox.Outbox;
import org.conference.provisioning.outbox.StateWrites;
import org.conference.provisioning.subscribers.SubscriberDocument;
import org.conference.provisioning.subscribers.SubscriberService;
import org.conference.provisioning.support.Access;
import org.conference.provisioning.support.Attributes;
import org.conference.provisioning.support.Counters;
import org.conference.provisioning.didgroups.DidGroupReferenceRequest;
import org.conference.provisioning.rooms.RoomRequests.MeetingKeyRequest;
import org.conference.provisioning.rooms.RoomRequests.NewRoom;
import org.conference.provisioning.rooms.RoomRequests.RoomChanges;
import org.conference.provisioning.support.AttributeRequest;
import org.conference.provisioning.support.UniqueIndexes;
import org.conference.provisioning.support.MongoLists;
import org.conference.provisioning.support.RandomIdentifiers;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Meeting rooms, whole: creation, partial update, deletion and the keychain changes made through them. */
@Service
public class RoomService {

    private final ReactiveMongoTemplate mongo;
    private final StateWrites writes;
    private final MongoLists lists;
    private final Counters counters;
    private final RandomIdentifiers random;
    private final SubscriberService subscribers;
    private final DidGroupDirectory didGroups;

    public RoomService(ReactiveMongoTemplate mongo, StateWrites writes, MongoLists lists, Counters counters,
            RandomIdentifiers random, SubscriberService subscribers, DidGroupDirectory didGroups) {
        this.mongo = mongo;
        this.writes = writes;
        this.lists = lists;
        this.counters = counters;
        this.random = random;
        this.subscribers = subscribers;
        this.didGroups = didGroups;
    }

    /**
     * A room the caller may read; with {@code ownerSid} (the {@code /subscribers/{sid}/meetingRooms} family), only if
     * that subscriber owns it, and 404 for the subscriber itself when the caller may not see it, as
     * {@code GET /subscribers/{sid}} answers.
     */
    public Mono<RoomDocument> find(Identity caller, String ownerSid, long meetingNumber) {
        Criteria criteria = Criteria.where("meetingNumber").is(meetingNumber).and("deleted").is(false);
        return visibleOwner(caller, ownerSid)
                .then(mongo.findOne(Query.query(criteria), RoomDocument.class, RoomDocument.COLLECTION))
                .filter(room -> ownerSid == null || room.subscriberSid().equals(ownerSid))
                .filter(room -> Access.canRead(caller, room))
                .switchIfEmpty(Mono.error(ApiException.notFound("meeting room")));
    }

    public Mono<Page<RoomDocument>> list(Identity caller, String ownerSid, ListQuery query) {
        Criteria readable = Access.readable(caller, "subscriberSid", "ownerLineage");
        Criteria scope = ownerSid == null ? readable
                : new Criteria().andOperator(readable, Criteria.where("subscriberSid").is(ownerSid));
        return visibleOwner(caller, ownerSid)
                .then(lists.page(query, scope, RoomDocument.class, RoomDocument.COLLECTION));
    }

    /** Nothing for the caller's own family; 404 "cannot find subscriber" for a subscriber it may not see. */
    private Mono<Void> visibleOwner(Identity caller, String ownerSid) {
        return ownerSid == null ? Mono.empty() : subscribers.find(caller, ownerSid).then();
    }

    /** Every room {@code sid} owns, for the subscriber object's {@code meetingRooms}. */
    public Flux<RoomDocument> ownedBy(String sid) {
        return mongo.find(Query.query(Criteria.where("subscriberSid").is(sid).and("deleted").is(false)),
                RoomDocument.class, RoomDocument.COLLECTION);
    }

    public Mono<RoomDocument> create(Identity caller, String ownerSid, NewRoom request) {
        String owner = ownerSid == null ? caller.sid() : ownerSid;
        List<MeetingKeyRequest> keys = request.keychain() == null ? List.of() : request.keychain();
        boolean generatesCodes = keys.stream().anyMatch(key -> key.accessCode() == null);
        Mono<RoomDocument> attempt = subscribers.find(caller, owner).flatMap(subscriber -> {
            Access.requireWrite(caller, subscriber, "subscriber");
            long primary = request.primaryDidGroupId();
            var attributes = Attributes.create(AttributeRequest.inputs(request.attributes()),
                    AttributeLevel.MEETING_ROOM);
            String description = request.description() == null ? "" : request.description();
            return Mono.zip(references(request.didGroupReferences(), primary, subscriber.lineage()),
                            newKeys(keys.stream().map(KeychainPlan::requested).toList()),
                            counters.next("meetingRooms"))
                    .flatMap(prepared -> insert(request.meetingNumber(), number -> new RoomDocument(prepared.getT3(),
                            number, subscriber.sid(), subscriber.lineage(), description,
                            System.currentTimeMillis(), primary, prepared.getT1(), prepared.getT2(), attributes,
                            RoomDocument.accessKeysOf(prepared.getT3(), prepared.getT1(), prepared.getT2()), 1, false,
                            Outbox.PENDING)));
        });
        // Generated access codes that collide with another room of the same DID group are drawn again.
        return generatesCodes ? attempt.retryWhen(StateWrites.retries(5, RoomService::isAccessCodeConflict)) : attempt;
    }

    public Mono<RoomDocument> update(Identity caller, String ownerSid, long meetingNumber, RoomChanges request) {
        return modify(caller, ownerSid, meetingNumber, current -> {
            long primary = request.primaryDidGroupId().orElse(current.primaryDidGroupId());
            long number = request.meetingNumber().orElse(current.meetingNumber());
            var attributes = request.attributes().isSent()
                    ? Attributes.merge(current.attributes(), AttributeRequest.inputs(request.attributes().value()),
                            AttributeLevel.MEETING_ROOM)
                    : current.attributes();
            List<DidGroupReferenceRequest> kept = current.didGroupReferences().stream()
                    .map(r -> new DidGroupReferenceRequest(r.didGroupId(), r.state())).toList();
            Mono<List<DidGroupReference>> references = request.didGroupReferences().isSent()
                    || primary != current.primaryDidGroupId()
                    ? references(request.didGroupReferences().orElse(kept), primary, current.ownerLineage())
                    : Mono.just(current.didGroupReferences());
            Mono<List<MeetingKey>> keychain = request.keychain().isSent()
                    ? replacedKeychain(current, request.keychain().value())
                    : Mono.just(current.keychain());
            String description = request.description().isSent()
                    ? (request.description().value() == null ? "" : request.description().value())
                    : current.description();
            return Mono.zip(references, keychain).map(next -> changed(current, number, description, primary,
                    next.getT1(), next.getT2(), attributes, false));
        });
    }

    public Mono<Void> delete(Identity caller, String ownerSid, long meetingNumber) {
        return modify(caller, ownerSid, meetingNumber, current -> Mono.just(deletedVersion(current))).then();
    }

    /** Read, check the caller may change it, compute the next state, write it if nobody else did meanwhile. */
    public Mono<RoomDocument> modify(Identity caller, String ownerSid, long meetingNumber,
            Function<RoomDocument, Mono<RoomDocument>> change) {
        return StateWrites.retryingConflicts(find(caller, ownerSid, meetingNumber).flatMap(current -> {
            Access.requireWrite(caller, current, "meeting room");
            return change.apply(current).flatMap(next -> requireFreeAccessCodes(next)
                    .then(writes.replace(current, next, RoomDocument.COLLECTION)));
        })).onErrorMap(DuplicateKeyException.class, RoomService::duplicate);
    }

    /** New ids for keys without one; generated access codes where none was given. */
    public Mono<List<MeetingKey>> newKeys(List<KeychainPlan.RequestedKey> requested) {
        return Flux.fromIterable(requested)
                .concatMap(key -> counters.next("meetingKeys").map(id -> new MeetingKey(id, key.accessCode(), key.role())))
                .collectList()
                .map(keys -> KeychainPlan.complete(keys, random));
    }

    /** The next state of a room; a number change leaves a tombstone for the old number on the topic. */
    public static RoomDocument changed(RoomDocument current, long number, String description, long primary,
            List<DidGroupReference> references, List<MeetingKey> keychain,
            List<org.conference.common.events.AttributeSetting> attributes, boolean deleted) {
        List<String> tombstones = new ArrayList<>(current.outbox().tombstones());
        if (number != current.meetingNumber()) {
            tombstones.add(Long.toString(current.meetingNumber()));
        }
        return new RoomDocument(current.id(), number, current.subscriberSid(), current.ownerLineage(), description,
                current.created(), primary, references, keychain, attributes,
                RoomDocument.accessKeysOf(current.id(), references, deleted ? List.of() : keychain), current.version() + 1,
                deleted, Outbox.pendingWithTombstones(tombstones));
    }

    /** The deleted version of a room: tombstone pending, access codes released. */
    private static RoomDocument deletedVersion(RoomDocument room) {
        return changed(room, room.meetingNumber(), room.description(), room.primaryDidGroupId(),
                room.didGroupReferences(), List.of(), room.attributes(), true);
    }

    /** PUT with a keychain replaces it ({@code null} empties it); entries naming an existing key id keep that id. */
    private Mono<List<MeetingKey>> replacedKeychain(RoomDocument current, List<MeetingKeyRequest> entries) {
        List<KeychainPlan.RequestedKey> requested = entries == null ? List.of()
                : entries.stream().map(KeychainPlan::requested).toList();
        List<KeychainPlan.RequestedKey> fresh = new ArrayList<>();
        List<MeetingKey> kept = new ArrayList<>();
        for (KeychainPlan.RequestedKey key : requested) {
            boolean existing = key.id() != null && current.keychain().stream().anyMatch(k -> k.id() == key.id());
            if (existing) {
                kept.add(new MeetingKey(key.id(), key.accessCode(), key.role()));
            } else {
                fresh.add(key);
            }
        }
        return newKeys(fresh).map(added -> {
            List<MeetingKey> all = new ArrayList<>(kept);
            all.addAll(added);
            return KeychainPlan.complete(all, random);
        });
    }

    /** The references asked for (or kept), always including the primary DID group, each usable by the owner. */
    private Mono<List<DidGroupReference>> references(List<DidGroupReferenceRequest> asked, long primary,
            List<String> ownerLineage) {
        Mono<List<DidGroupReference>> requested = didGroups.references(asked, ownerLineage, "didGroupReferences");
        return didGroups.usable(primary, ownerLineage)
                .switchIfEmpty(Mono.error(ApiException.validation("primaryDidGroupId",
                        "DID group " + primary + " does not exist")))
                .then(requested)
                .map(references -> {
                    if (references.stream().anyMatch(r -> r.didGroupId() == primary)) {
                        return references;
                    }
                    List<DidGroupReference> withPrimary = new ArrayList<>(references);
                    withPrimary.add(0, new DidGroupReference(primary, 0));
                    return withPrimary;
                });
    }

    /** Inserts a new room; a generated meeting number that happens to be taken is simply drawn again. */
    private Mono<RoomDocument> insert(Long chosenNumber, Function<Long, RoomDocument> roomWithNumber) {
        Mono<RoomDocument> attempt = Mono.defer(() -> {
            RoomDocument room = roomWithNumber.apply(chosenNumber != null ? chosenNumber : random.meetingNumber());
            return requireFreeAccessCodes(room).then(writes.insert(room, RoomDocument.COLLECTION))
                    .flatMap(this::requireLiveTargets);
        });
        if (chosenNumber == null) {
            attempt = attempt.retryWhen(StateWrites.retries(5, RoomService::isMeetingNumberTaken));
        }
        return attempt.onErrorMap(DuplicateKeyException.class, RoomService::duplicate);
    }

    /**
     * After writing a new room, its owner and DID groups must still be there: a deletion that raced with this create
     * either sees the room (and refuses) or has flagged its target before this check (and the room is taken back).
     */
    private Mono<RoomDocument> requireLiveTargets(RoomDocument created) {
        List<Long> groups = created.didGroupReferences().stream().map(DidGroupReference::didGroupId).toList();
        return Mono.zip(writes.allLive(SubscriberDocument.COLLECTION, List.of(created.subscriberSid())),
                        writes.allLive(DidGroupDocument.COLLECTION, groups))
                .flatMap(live -> live.getT1() && live.getT2() ? Mono.just(created)
                        : writes.replace(created, deletedVersion(created), RoomDocument.COLLECTION)
                        .then(Mono.error(ApiException.validation("didGroupReferences",
                                "the owner or a DID group of the room was deleted meanwhile"))));
    }

    /** 409 naming the room that already answers to one of these access codes through a shared DID group. */
    private Mono<Void> requireFreeAccessCodes(RoomDocument room) {
        Query others = Query.query(Criteria.where("accessKeys").in(room.accessKeys()).and("_id").ne(room.id())
                .and("deleted").is(false));
        return mongo.findOne(others, RoomDocument.class, RoomDocument.COLLECTION)
                .flatMap(other -> Mono.error(accessCodeTaken(room, other)));
    }

    private static ApiException accessCodeTaken(RoomDocument room, RoomDocument other) {
        String code = room.accessKeys().stream().filter(other.accessKeys()::contains).findFirst()
                .map(key -> key.substring(key.indexOf(':') + 1)).orElse("");
        return ApiException.conflict("keychain.accessCode",
                "access code " + code + " is already used by a room reachable from the same DID group",
                Long.toString(other.meetingNumber()));
    }

    /** A 409 because an access code is taken (from the pre-check or the unique index). */
    public static boolean isAccessCodeConflict(Throwable failure) {
        return failure instanceof ApiException api && api.status().value() == 409
                && api.body().errors() != null && "keychain.accessCode".equals(api.body().errors().get(0).field());
    }

    private static boolean isMeetingNumberTaken(Throwable failure) {
        return failure instanceof DuplicateKeyException
                && UniqueIndexes.isViolated(failure, UniqueIndexes.MEETING_NUMBER);
    }

    /** A duplicate meeting number or access code is a 409; any other unique index is not the client's doing. */
    private static Throwable duplicate(DuplicateKeyException failure) {
        if (isMeetingNumberTaken(failure)) {
            return ApiException.conflict("meetingNumber", "meeting number is already taken", null);
        }
        if (UniqueIndexes.isViolated(failure, UniqueIndexes.ACCESS_KEYS)) {
            return ApiException.conflict("keychain.accessCode",
                    "access code is already used by a room reachable from the same DID group", null);
        }
        return failure;
    }

}
