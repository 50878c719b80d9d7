package org.conference.provisioning.didgroups;

import java.util.List;

import org.conference.common.api.ApiException;
import org.conference.common.attributes.AttributeCatalog;
import org.conference.common.attributes.AttributeLevel;
import org.conference.common.identity.Identity;
import org.conference.common.query.ListQuery;
import org.conference.common.query.Page;
import org.conference.provisioning.outbox.Outbox;
import org.conference.provisioning.outbox.StateWrites;
import org.conference.provisioning.subscribers.SubscriberDocument;
import org.conference.provisioning.subscribers.SubscriberService;
import org.conference.provisioning.subscribers.SubscriberHoldings.Holding;
import org.conference.provisioning.support.Access;
import org.conference.provisioning.support.Attributes;
import org.conference.provisioning.support.Counters;
import org.conference.provisioning.didgroups.DidGroupRequests.DidGroupChanges;
import org.conference.provisioning.didgroups.DidGroupRequests.NewDidGroup;
import org.conference.provisioning.support.AttributeRequest;
import org.conference.provisioning.support.MongoLists;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/** DID groups: the numbers' call flow and group-level attributes. */
@Service
public class DidGroupService {

    private final StateWrites writes;
    private final MongoLists lists;
    private final Counters counters;
    private final SubscriberService subscribers;

    public DidGroupService(StateWrites writes, MongoLists lists, Counters counters,
            SubscriberService subscribers) {
        this.writes = writes;
        this.lists = lists;
        this.counters = counters;
        this.subscribers = subscribers;
    }

    public Mono<DidGroupDocument> find(Identity caller, long id) {
        return lists.findVisible(caller, Criteria.where("_id").is(id), DidGroupDocument.class,
                DidGroupDocument.COLLECTION, "did group");
    }

    public Mono<Page<DidGroupDocument>> list(Identity caller, ListQuery query) {
        return lists.page(query, Access.readable(caller, "subscriberSid", "ownerLineage"), DidGroupDocument.class,
                DidGroupDocument.COLLECTION);
    }

    public Mono<DidGroupDocument> create(Identity caller, NewDidGroup request) {
        return subscribers.find(caller, caller.sid()).flatMap(owner -> {
            int callFlowId = callFlow(request.callFlowId());
            var attributes = Attributes.create(AttributeRequest.inputs(request.attributes()), AttributeLevel.DID_GROUP);
            String description = request.description() == null ? "" : request.description();
            return counters.next("didGroups").flatMap(id -> writes.insert(new DidGroupDocument(id, request.name(),
                    description, callFlowId, owner.sid(), owner.lineage(),
                    DidGroupDocument.STATE, attributes, 1, false, Outbox.PENDING), DidGroupDocument.COLLECTION))
                    .flatMap(created -> writes.allLive(SubscriberDocument.COLLECTION, List.of(owner.sid()))
                            .flatMap(live -> live ? Mono.just(created) : remove(created)
                                    .then(Mono.error(ApiException.notFound("subscriber")))));
        });
    }

    public Mono<DidGroupDocument> update(Identity caller, long id, DidGroupChanges request) {
        return StateWrites.retryingConflicts(find(caller, id).flatMap(current -> {
            Access.requireWrite(caller, current, "did group");
            String name = request.name().orElse(current.name());
            int callFlowId = request.callFlowId().isSent() ? callFlow(request.callFlowId().value())
                    : current.callFlowId();
            String description = request.description().isSent()
                    ? (request.description().value() == null ? "" : request.description().value())
                    : current.description();
            var attributes = request.attributes().isSent()
                    ? Attributes.merge(current.attributes(), AttributeRequest.inputs(request.attributes().value()),
                            AttributeLevel.DID_GROUP)
                    : current.attributes();
            return writes.replace(current, current.next(name, description, callFlowId, attributes, false),
                    DidGroupDocument.COLLECTION);
        }));
    }

    /**
     * Refused (409, naming the blocker) while a room can be reached through the group or a DID still belongs to it:
     * deleting them first is explicit, and nothing is left pointing at a missing group.
     */
    public Mono<Void> delete(Identity caller, long id, Mono<Holding> blocker) {
        return StateWrites.retryingConflicts(find(caller, id).flatMap(current -> {
            Access.requireWrite(caller, current, "did group");
            return writes.markDeleting(current, DidGroupDocument.COLLECTION)
                    .then(blocker)
                    .flatMap(holding -> writes.unmarkDeleting(current, DidGroupDocument.COLLECTION)
                            .then(Mono.<DidGroupDocument>error(ApiException.conflict("id",
                                    "DID group is still used by " + holding.what() + " " + holding.id(),
                                    holding.id()))))
                    .switchIfEmpty(Mono.defer(() -> remove(current)));
        })).then();
    }

    /**
     * Writes the deleted version (tombstone pending). Also takes back a group whose owner went away while it was
     * being created (see {@link StateWrites#markDeleting}).
     */
    private Mono<DidGroupDocument> remove(DidGroupDocument group) {
        return writes.replace(group, group.next(group.name(), group.description(), group.callFlowId(),
                group.attributes(), true), DidGroupDocument.COLLECTION);
    }

    /** A call flow of the catalog (the reference sends {@code "callFlowId": "1"}, read as the number). */
    private static int callFlow(long id) {
        return AttributeCatalog.standard().callFlows().stream().filter(flow -> flow.id() == id)
                .map(flow -> flow.id()).findFirst()
                .orElseThrow(() -> ApiException.validation("callFlowId", "call flow " + id + " does not exist"));
    }
}
