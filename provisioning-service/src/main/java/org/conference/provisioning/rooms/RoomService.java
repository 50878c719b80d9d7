package org.conference.provisioning.rooms;

import static org.conference.provisioning.rooms.RoomDocument.COLLECTION;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.conference.common.api.ApiException;
import org.conference.common.attributes.AttributeLevel;
import org.conference.common.events.DidGroupReference;
import org.conference.common.events.MeetingKey;
import org.conference.common.identity.Identity;
import org.conference.common.persistence.GuardedCreation;
import org.conference.common.persistence.OptimisticWrites;
import org.conference.common.persistence.SoftDeletion;
import org.conference.common.query.ListQuery;
import org.conference.common.query.Page;
import org.conference.provisioning.didgroups.DidGroupService;
import org.conference.provisioning.outbox.StateWrites;
import org.conference.provisioning.rooms.KeychainPlan.RequestedKey;
import org.conference.provisioning.rooms.RoomRequests.MeetingKeyRequest;
import org.conference.provisioning.rooms.RoomRequests.NewRoom;
import org.conference.provisioning.rooms.RoomRequests.RoomChanges;
import org.conference.provisioning.subscribers.SubscriberService;
import org.conference.provisioning.support.Access;
import org.conference.provisioning.support.AttributeRequest;
import org.conference.provisioning.support.Attributes;
import org.conference.provisioning.support.Counters;
import org.conference.provisioning.support.DidGroupReferenceRequest;
import org.conference.provisioning.support.MongoLists;
import org.conference.provisioning.support.RandomIdentifiers;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/** Meeting rooms, whole: creation, partial update and deletion; the keychain changes go through {@link #modify}. */
@Service
class RoomService {

    private final ReactiveMongoTemplate mongo;
    private final StateWrites writes;
    private final MongoLists lists;
    private final Counters counters;
    private final RandomIdentifiers random;
    private final KeychainPlan keychains;
    private final RoomConflicts conflicts;
    private final SubscriberService subscribers;
    private final DidGroupService didGroups;

    RoomService(ReactiveMongoTemplate mongo, StateWrites writes, MongoLists lists, Counters counters,
            RandomIdentifiers random, KeychainPlan keychains, RoomConflicts conflicts, SubscriberService subscribers,
            DidGroupService didGroups) {
        this.mongo = mongo;
        this.writes = writes;
        this.lists = lists;
        this.counters = counters;
        this.random = random;
        this.keychains = keychains;
        this.conflicts = conflicts;
        this.subscribers = subscribers;
        this.didGroups = didGroups;
    }

    /**
     * A room the caller may read; with {@code ownerSid} (the {@code /subscribers/{sid}/meetingRooms} family), only if
     * that subscriber owns it, and 404 for the subscriber itself when the caller may not see it, as
     * {@code GET /subscribers/{sid}} answers.
     */
    Mono<RoomDocument> find(Identity caller, String ownerSid, long meetingNumber) {
        return visibleOwner(caller, ownerSid)
                .then(mongo.findOne(SoftDeletion.liveWhere(Criteria.where("meetingNumber").is(meetingNumber)),
                        RoomDocument.class, COLLECTION))
                .filter(room -> ownerSid == null || room.subscriberSid().equals(ownerSid))
                .filter(room -> Access.canRead(caller, room))
                .switchIfEmpty(Mono.error(ApiException.notFound("meeting room")));
    }

    Mono<Page<RoomDocument>> list(Identity caller, String ownerSid, ListQuery query) {
        Criteria readable = Access.readable(caller, "subscriberSid", "ownerLineage");
        Criteria scope = ownerSid == null ? readable
                : new Criteria().andOperator(readable, Criteria.where("subscriberSid").is(ownerSid));
        return visibleOwner(caller, ownerSid).then(lists.page(query, scope, RoomDocument.class, COLLECTION));
    }

    Mono<RoomDocument> create(Identity caller, String ownerSid, NewRoom request) {
        String ownerOrCaller = ownerSid == null ? caller.sid() : ownerSid;
        List<MeetingKeyRequest> keys = request.keychain() == null ? List.of() : request.keychain();
        boolean generatesCodes = keys.stream().anyMatch(key -> key.accessCode() == null);
        Mono<RoomDocument> attempt = subscribers.owner(caller, ownerOrCaller).flatMap(owner -> {
            Access.requireWrite(caller, owner, "subscriber");
            long primary = request.primaryDidGroupId();
            var attributes = Attributes.create(AttributeRequest.inputs(request.attributes()),
                    AttributeLevel.MEETING_ROOM);
            return Mono.zip(references(request.didGroupReferences(), primary, owner.ownerLineage()),
                            keychains.newKeys(keys.stream().map(RequestedKey::of).toList()),
                            counters.next("meetingRooms"))
                    .flatMap(prepared -> insert(request.meetingNumber(), number -> RoomDocument
                            .first(prepared.getT3(), number, owner, System.currentTimeMillis())
                            .withDescription(request.description())
                            .withDidGroups(primary, prepared.getT1())
                            .withKeychain(prepared.getT2())
                            .withAttributes(attributes)));
        });
        // Generated access codes that collide with another room of the same DID group are drawn again.
        return generatesCodes
                ? attempt.retryWhen(OptimisticWrites.retries(5, RoomConflicts::isAccessCodeConflict))
                : attempt;
    }

    Mono<RoomDocument> update(Identity caller, String ownerSid, long meetingNumber, RoomChanges request) {
        return modify(caller, ownerSid, meetingNumber, current -> {
            long primary = request.primaryDidGroupId().orElse(current.primaryDidGroupId());
            List<DidGroupReferenceRequest> kept = current.didGroupReferences().stream()
                    .map(r -> new DidGroupReferenceRequest(r.didGroupId(), r.state())).toList();
            Mono<List<DidGroupReference>> references = request.didGroupReferences().isSent()
                    || primary != current.primaryDidGroupId()
                    ? references(request.didGroupReferences().orElse(kept), primary, current.ownerLineage())
                    : Mono.just(current.didGroupReferences());
            Mono<List<MeetingKey>> keychain = request.keychain().isSent()
                    ? keychains.replaced(current.keychain(), request.keychain().value())
                    : Mono.just(current.keychain());
            RoomDocument changed = request.description().applyTo(
                            request.meetingNumber().applyTo(current, RoomDocument::withMeetingNumber),
                            RoomDocument::withDescription)
                    .withAttributes(Attributes.changed(current.attributes(), request.attributes(),
                            AttributeLevel.MEETING_ROOM));
            return Mono.zip(references, keychain).map(next -> changed.withDidGroups(primary, next.getT1())
                    .withKeychain(next.getT2()).nextVersion());
        });
    }

    Mono<Void> delete(Identity caller, String ownerSid, long meetingNumber) {
        return modify(caller, ownerSid, meetingNumber, current -> Mono.just(current.deletedVersion())).then();
    }

    /**
     * Read, check the caller may change it, compute the next version, write it if nobody else did meanwhile; a
     * conflicting meeting number or access code is a 409.
     */
    Mono<RoomDocument> modify(Identity caller, String ownerSid, long meetingNumber,
            Function<RoomDocument, Mono<RoomDocument>> change) {
        return OptimisticWrites.retryingConflicts(find(caller, ownerSid, meetingNumber).flatMap(current -> {
            Access.requireWrite(caller, current, "meeting room");
            return change.apply(current).flatMap(next -> conflicts.requireFreeAccessCodes(next)
                    .then(writes.replace(current, next, COLLECTION)));
        })).onErrorMap(DuplicateKeyException.class, RoomConflicts::duplicate);
    }

    /** Nothing for the caller's own family; 404 "cannot find subscriber" for a subscriber it may not see. */
    private Mono<Void> visibleOwner(Identity caller, String ownerSid) {
        return ownerSid == null ? Mono.empty() : subscribers.owner(caller, ownerSid).then();
    }

    /** The references asked for (or kept), always including the primary DID group, each usable by the owner. */
    private Mono<List<DidGroupReference>> references(List<DidGroupReferenceRequest> asked, long primary,
            List<String> ownerLineage) {
        return didGroups.requireUsable(primary, ownerLineage, "primaryDidGroupId")
                .then(didGroups.references(asked, ownerLineage, "didGroupReferences"))
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
            return conflicts.requireFreeAccessCodes(room).then(writes.insert(room, COLLECTION))
                    .flatMap(this::keepIfTargetsRemain);
        });
        if (chosenNumber == null) {
            attempt = attempt.retryWhen(OptimisticWrites.retries(5, RoomConflicts::isMeetingNumberTaken));
        }
        return attempt.onErrorMap(DuplicateKeyException.class, RoomConflicts::duplicate);
    }

    /** A new room whose owner or a DID group went away while it was being written is taken back. */
    private Mono<RoomDocument> keepIfTargetsRemain(RoomDocument created) {
        List<Long> groups = created.didGroupReferences().stream().map(DidGroupReference::didGroupId).toList();
        Mono<Boolean> targetsRemain = Mono.zip(subscribers.remains(created.subscriberSid()),
                didGroups.allRemain(groups)).map(remain -> remain.getT1() && remain.getT2());
        return GuardedCreation.keepIfTargetsRemain(created, targetsRemain,
                room -> writes.replace(room, room.deletedVersion(), COLLECTION),
                () -> ApiException.validation("didGroupReferences",
                        "the owner or a DID group of the room was deleted meanwhile"));
    }
}
