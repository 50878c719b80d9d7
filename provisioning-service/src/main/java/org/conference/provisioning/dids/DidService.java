package org.conference.provisioning.dids;

import java.util.List;

import org.conference.common.api.ApiException;
import org.conference.common.attributes.AttributeLevel;
import org.conference.common.identity.Identity;
import org.conference.common.query.ListQuery;
import org.conference.common.query.Page;
import org.conference.provisioning.didgroups.DidGroupDocument;
import org.conference.provisioning.didgroups.DidGroupService;
import org.conference.provisioning.outbox.Outbox;
import org.conference.provisioning.outbox.StateWrites;
import org.conference.provisioning.subscribers.SubscriberHoldings.Holding;
import org.conference.provisioning.support.Access;
import org.conference.provisioning.support.Attributes;
import org.conference.provisioning.support.Counters;
import org.conference.provisioning.dids.DidRequests.DidChanges;
import org.conference.provisioning.dids.DidRequests.NewDid;
import org.conference.provisioning.support.AttributeRequest;
import org.conference.provisioning.support.PhoneNumbers;
import org.conference.provisioning.support.UniqueIndexes;
import org.conference.provisioning.support.MongoLists;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** DIDs: phone numbers in DID groups, with DID-level attributes. */
@Service
public class DidService {

    private final ReactiveMongoTemplate mongo;
    private final StateWrites writes;
    private final MongoLists lists;
    private final Counters counters;
    private final DidGroupService groups;

    public DidService(ReactiveMongoTemplate mongo, StateWrites writes, MongoLists lists, Counters counters,
            DidGroupService groups) {
        this.mongo = mongo;
        this.writes = writes;
        this.lists = lists;
        this.counters = counters;
        this.groups = groups;
    }

    public Mono<DidDocument> find(Identity caller, long id) {
        return lists.findVisible(caller, Criteria.where("_id").is(id), DidDocument.class, DidDocument.COLLECTION,
                "did");
    }

    public Mono<Page<DidDocument>> list(Identity caller, ListQuery query) {
        return lists.page(query, Access.readable(caller, "subscriberSid", "ownerLineage"), DidDocument.class,
                DidDocument.COLLECTION);
    }

    public Flux<DidDocument> inGroup(long didGroupId) {
        return mongo.find(Query.query(Criteria.where("didGroupId").is(didGroupId).and("deleted").is(false)),
                DidDocument.class, DidDocument.COLLECTION);
    }

    /** A DID still in the group, which keeps the group from being deleted. */
    public Mono<Holding> firstInGroup(long didGroupId) {
        return inGroup(didGroupId).next().map(did -> new Holding("DID", Long.toString(did.id())));
    }

    public Mono<DidDocument> create(Identity caller, NewDid request) {
        return Mono.defer(() -> {
            PhoneNumbers.Parsed number = parsed(request.phoneNumber());
            var attributes = Attributes.create(AttributeRequest.inputs(request.attributes()), AttributeLevel.DID);
            return writableGroup(caller, request.didGroupId())
                    .flatMap(group -> counters.next("dids").flatMap(id -> writes.insert(new DidDocument(id,
                            number.digits(), number.countryCode(), request.description(),
                            group.id(), group.subscriberSid(), group.ownerLineage(), DidDocument.STATE, attributes, 1,
                            false, Outbox.PENDING), DidDocument.COLLECTION))
                            .flatMap(created -> writes.allLive(DidGroupDocument.COLLECTION, List.of(group.id()))
                                    .flatMap(live -> live ? Mono.just(created) : remove(created)
                                            .then(Mono.error(ApiException.validation("didGroupId",
                                                    "DID group " + group.id() + " does not exist"))))));
        }).onErrorMap(DidService::isNumberTaken, e -> numberTaken());
    }

    public Mono<DidDocument> update(Identity caller, long id, DidChanges request) {
        return StateWrites.retryingConflicts(find(caller, id).flatMap(current -> {
            Access.requireWrite(caller, current, "did");
            PhoneNumbers.Parsed number = request.phoneNumber().isSent() ? parsed(request.phoneNumber().value())
                    : new PhoneNumbers.Parsed(current.phoneNumber(), current.countryCode());
            String description = request.description().orElse(current.description());
            var attributes = request.attributes().isSent()
                    ? Attributes.merge(current.attributes(), AttributeRequest.inputs(request.attributes().value()),
                            AttributeLevel.DID)
                    : current.attributes();
            long groupId = request.didGroupId().orElse(current.didGroupId());
            Mono<DidGroupDocument> group = groupId != current.didGroupId() ? writableGroup(caller, groupId)
                    : Mono.empty();
            return group.map(g -> next(current, number, description, g.id(), g.subscriberSid(), g.ownerLineage(),
                            attributes, false))
                    .defaultIfEmpty(next(current, number, description, current.didGroupId(), current.subscriberSid(),
                            current.ownerLineage(), attributes, false))
                    .flatMap(next -> writes.replace(current, next, DidDocument.COLLECTION));
        })).onErrorMap(DidService::isNumberTaken, e -> numberTaken());
    }

    /** The number is released at once (renamed in the flagged document) so it can be provisioned again. */
    public Mono<Void> delete(Identity caller, long id) {
        return StateWrites.retryingConflicts(find(caller, id).flatMap(current -> {
            Access.requireWrite(caller, current, "did");
            return remove(current);
        })).then();
    }

    /**
     * Writes the deleted version (tombstone pending, number released). Also takes back a DID whose group went away
     * while it was being created (see {@link StateWrites#markDeleting}).
     */
    private Mono<DidDocument> remove(DidDocument did) {
        var released = new PhoneNumbers.Parsed("deleted:" + did.id(), did.countryCode());
        return writes.replace(did, next(did, released, did.description(), did.didGroupId(), did.subscriberSid(),
                did.ownerLineage(), did.attributes(), true), DidDocument.COLLECTION);
    }

    private Mono<DidGroupDocument> writableGroup(Identity caller, long groupId) {
        return groups.find(caller, groupId)
                .onErrorMap(ApiException.class, e -> ApiException.validation("didGroupId",
                        "DID group " + groupId + " does not exist"))
                .doOnNext(group -> Access.requireWrite(caller, group, "did group"));
    }

    private static DidDocument next(DidDocument current, PhoneNumbers.Parsed number, String description,
            long groupId, String ownerSid, List<String> ownerLineage,
            List<org.conference.common.events.AttributeSetting> attributes, boolean deleted) {
        return new DidDocument(current.id(), number.digits(), number.countryCode(), description, groupId, ownerSid,
                ownerLineage, current.state(), attributes, current.version() + 1, deleted, Outbox.PENDING);
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
