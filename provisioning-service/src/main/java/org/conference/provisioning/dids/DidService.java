package org.conference.provisioning.dids;

import static org.conference.provisioning.dids.DidDocument.COLLECTION;

import java.util.List;

import org.conference.common.api.ApiException;
import org.conference.common.attributes.AttributeLevel;
import org.conference.common.identity.Identity;
import org.conference.common.persistence.GuardedCreation;
import org.conference.common.persistence.OptimisticWrites;
import org.conference.common.query.ListQuery;
import org.conference.common.query.Page;
import org.conference.provisioning.didgroups.DidGroupService;
import org.conference.provisioning.dids.DidRequests.DidChanges;
import org.conference.provisioning.dids.DidRequests.NewDid;
import org.conference.provisioning.outbox.StateWrites;
import org.conference.provisioning.support.Access;
import org.conference.provisioning.support.AttributeRequest;
import org.conference.provisioning.support.Attributes;
import org.conference.provisioning.support.Counters;
import org.conference.provisioning.support.MongoLists;
import org.conference.provisioning.support.Owner;
import org.conference.provisioning.support.PhoneNumbers;
import org.conference.provisioning.support.UniqueIndexes;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/** DIDs: phone numbers in DID groups, with DID-level attributes. */
@Service
class DidService {

    private final StateWrites writes;
    private final MongoLists lists;
    private final Counters counters;
    private final DidGroupService groups;

    DidService(StateWrites writes, MongoLists lists, Counters counters, DidGroupService groups) {
        this.writes = writes;
        this.lists = lists;
        this.counters = counters;
        this.groups = groups;
    }

    Mono<DidDocument> find(Identity caller, long id) {
        return lists.findVisible(caller, Criteria.where("_id").is(id), DidDocument.class, COLLECTION, "did");
    }

    Mono<Page<DidDocument>> list(Identity caller, ListQuery query) {
        return lists.page(query, Access.readable(caller, "subscriberSid", "ownerLineage"), DidDocument.class,
                COLLECTION);
    }

    Mono<DidDocument> create(Identity caller, NewDid request) {
        return Mono.defer(() -> {
            PhoneNumbers.Parsed number = parsed(request.phoneNumber());
            var attributes = Attributes.create(AttributeRequest.inputs(request.attributes()), AttributeLevel.DID);
            long groupId = request.didGroupId();
            return writableGroup(caller, groupId)
                    .flatMap(owner -> counters.next("dids").flatMap(id -> writes.insert(DidDocument.first(id, number,
                            request.description(), groupId, owner, attributes), COLLECTION)))
                    .flatMap(created -> GuardedCreation.keepIfTargetsRemain(created,
                            groups.allRemain(List.of(groupId)), this::remove, () -> groupMissing(groupId)));
        }).onErrorMap(DidService::isNumberTaken, e -> numberTaken());
    }

    Mono<DidDocument> update(Identity caller, long id, DidChanges request) {
        return OptimisticWrites.retryingConflicts(find(caller, id).flatMap(current -> {
            Access.requireWrite(caller, current, "did");
            DidDocument changed = current;
            if (request.phoneNumber().isSent()) {
                changed = changed.withNumber(parsed(request.phoneNumber().value()));
            }
            changed = request.description().applyTo(changed, DidDocument::withDescription)
                    .withAttributes(Attributes.changed(current.attributes(), request.attributes(), AttributeLevel.DID));
            long groupId = request.didGroupId().orElse(current.didGroupId());
            DidDocument unmoved = changed;
            Mono<DidDocument> next = groupId == current.didGroupId() ? Mono.just(unmoved)
                    : writableGroup(caller, groupId).map(owner -> unmoved.withGroup(groupId, owner));
            return next.flatMap(moved -> writes.replace(current, moved.nextVersion(), COLLECTION));
        })).onErrorMap(DidService::isNumberTaken, e -> numberTaken());
    }

    /** The number is released at once (renamed in the flagged document) so it can be provisioned again. */
    Mono<Void> delete(Identity caller, long id) {
        return OptimisticWrites.retryingConflicts(find(caller, id).flatMap(current -> {
            Access.requireWrite(caller, current, "did");
            return remove(current);
        })).then();
    }

    /** Writes the deleted version. Also takes back a DID whose group went away while it was being created. */
    private Mono<DidDocument> remove(DidDocument did) {
        return writes.replace(did, did.deletedVersion(), COLLECTION);
    }

    /** The owner of a group the caller may put DIDs in; a group it cannot see is one that does not exist. */
    private Mono<Owner> writableGroup(Identity caller, long groupId) {
        return groups.ownerOf(caller, groupId)
                .onErrorMap(ApiException.class, e -> groupMissing(groupId))
                .doOnNext(owner -> Access.requireWrite(caller, owner, "did group"));
    }

    private static ApiException groupMissing(long groupId) {
        return ApiException.validation("didGroupId", "DID group " + groupId + " does not exist");
    }

    /** The request's number, already checked by its constraint, as digits with its country. */
    private static PhoneNumbers.Parsed parsed(String phoneNumber) {
        return PhoneNumbers.e164(phoneNumber).orElseThrow(() -> ApiException.validation("phoneNumber",
                "phoneNumber must be an E.164 number, e.g. 15162065319"));
    }

    private static boolean isNumberTaken(Throwable failure) {
        return failure instanceof DuplicateKeyException && UniqueIndexes.isViolated(failure, UniqueIndexes.PHONE_NUMBER);
    }

    private static ApiException numberTaken() {
        return ApiException.conflict("phoneNumber", "phone number is already provisioned", null);
    }
}
