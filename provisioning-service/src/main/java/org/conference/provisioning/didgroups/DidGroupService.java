package org.conference.provisioning.didgroups;

import static org.conference.provisioning.didgroups.DidGroupDocument.COLLECTION;

import java.util.Collection;
import java.util.List;

import org.conference.common.api.ApiException;
import org.conference.common.attributes.AttributeCatalog;
import org.conference.common.attributes.AttributeLevel;
import org.conference.common.events.DidGroupReference;
import org.conference.common.identity.Identity;
import org.conference.common.persistence.Dependent;
import org.conference.common.persistence.GuardedCreation;
import org.conference.common.persistence.GuardedDeletion;
import org.conference.common.persistence.OptimisticWrites;
import org.conference.common.query.ListQuery;
import org.conference.common.query.Page;
import org.conference.provisioning.didgroups.DidGroupRequests.DidGroupChanges;
import org.conference.provisioning.didgroups.DidGroupRequests.NewDidGroup;
import org.conference.provisioning.outbox.StateWrites;
import org.conference.provisioning.subscribers.SubscriberService;
import org.conference.provisioning.support.Access;
import org.conference.provisioning.support.AttributeRequest;
import org.conference.provisioning.support.Attributes;
import org.conference.provisioning.support.Counters;
import org.conference.provisioning.support.DidGroupReferenceRequest;
import org.conference.provisioning.support.MongoLists;
import org.conference.provisioning.support.Owner;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** DID groups: the numbers' call flow and group-level attributes. */
@Service
public class DidGroupService {

    private final StateWrites writes;
    private final GuardedDeletion deletions;
    private final MongoLists lists;
    private final Counters counters;
    private final SubscriberService subscribers;
    private final DidGroupDirectory directory;
    private final List<DidGroupDependents> dependents;

    DidGroupService(StateWrites writes, GuardedDeletion deletions, MongoLists lists, Counters counters,
            SubscriberService subscribers, DidGroupDirectory directory, List<DidGroupDependents> dependents) {
        this.writes = writes;
        this.deletions = deletions;
        this.lists = lists;
        this.counters = counters;
        this.subscribers = subscribers;
        this.directory = directory;
        this.dependents = dependents;
    }

    Mono<DidGroupDocument> find(Identity caller, long id) {
        return lists.findVisible(caller, Criteria.where("_id").is(id), DidGroupDocument.class, COLLECTION,
                "did group");
    }

    Mono<Page<DidGroupDocument>> list(Identity caller, ListQuery query) {
        return lists.page(query, Access.readable(caller, "subscriberSid", "ownerLineage"), DidGroupDocument.class,
                COLLECTION);
    }

    /** The owner of group {@code id}, if the caller may see the group; 404 "cannot find did group" otherwise. */
    public Mono<Owner> ownerOf(Identity caller, long id) {
        return find(caller, id).map(Owner::of);
    }

    /** True while every group of {@code ids} is neither deleted nor being deleted (the check after a create). */
    public Mono<Boolean> allRemain(Collection<Long> ids) {
        return deletions.allRemain(COLLECTION, ids);
    }

    /** See {@link DidGroupDirectory#references}: groups the owner may point at, each once. */
    public Mono<List<DidGroupReference>> references(List<DidGroupReferenceRequest> requested,
            List<String> ownerLineage, String field) {
        return directory.references(requested, ownerLineage, field);
    }

    /** Nothing when the owner may use group {@code id}; otherwise a 422 naming {@code field}. */
    public Mono<Void> requireUsable(long id, List<String> ownerLineage, String field) {
        return directory.requireUsable(id, ownerLineage, field);
    }

    Mono<DidGroupDocument> create(Identity caller, NewDidGroup request) {
        return subscribers.owner(caller, caller.sid()).flatMap(owner -> {
            int callFlowId = callFlow(request.callFlowId());
            var attributes = Attributes.create(AttributeRequest.inputs(request.attributes()), AttributeLevel.DID_GROUP);
            return counters.next("didGroups")
                    .flatMap(id -> writes.insert(DidGroupDocument.first(id, owner, request.name(),
                            request.description(), callFlowId, attributes), COLLECTION))
                    .flatMap(created -> GuardedCreation.keepIfTargetsRemain(created,
                            subscribers.remains(owner.ownerSid()), this::remove,
                            () -> ApiException.notFound("subscriber")));
        });
    }

    Mono<DidGroupDocument> update(Identity caller, long id, DidGroupChanges request) {
        return OptimisticWrites.retryingConflicts(find(caller, id).flatMap(current -> {
            Access.requireWrite(caller, current, "did group");
            DidGroupDocument next = request.name().applyTo(current, DidGroupDocument::withName);
            if (request.callFlowId().isSent()) {
                next = next.withCallFlowId(callFlow(request.callFlowId().value()));
            }
            next = request.description().applyTo(next, DidGroupDocument::withDescription)
                    .withAttributes(Attributes.changed(current.attributes(), request.attributes(),
                            AttributeLevel.DID_GROUP));
            return writes.replace(current, next.nextVersion(), COLLECTION);
        }));
    }

    /**
     * Refused (409, naming the blocker) while a room can be reached through the group or a DID still belongs to it:
     * deleting them first is explicit, and nothing is left pointing at a missing group.
     */
    Mono<Void> delete(Identity caller, long id) {
        return OptimisticWrites.retryingConflicts(find(caller, id).flatMap(current -> {
            Access.requireWrite(caller, current, "did group");
            return deletions.deleteUnlessDepended(current, COLLECTION, firstDependent(id),
                    dependent -> ApiException.conflict("id",
                            "DID group is still used by " + dependent.what() + " " + dependent.id(), dependent.id()),
                    this::remove);
        })).then();
    }

    private Mono<Dependent> firstDependent(long id) {
        return Flux.fromIterable(dependents).concatMap(dependent -> dependent.firstUsing(id)).next();
    }

    /** Writes the deleted version. Also takes back a group whose owner went away while it was being created. */
    private Mono<DidGroupDocument> remove(DidGroupDocument group) {
        return writes.replace(group, group.deletedVersion(), COLLECTION);
    }

    /** A call flow of the catalog (the reference sends {@code "callFlowId": "1"}, read as the number). */
    private static int callFlow(long id) {
        return AttributeCatalog.standard().callFlows().stream().filter(flow -> flow.id() == id)
                .map(flow -> flow.id()).findFirst()
                .orElseThrow(() -> ApiException.validation("callFlowId", "call flow " + id + " does not exist"));
    }
}
