package org.conference.provisioning.didgroups;

import java.util.ArrayList;
import java.util.List;

import org.conference.common.api.ApiException;
import org.conference.common.events.DidGroupReference;
import org.conference.common.persistence.SoftDeletion;
import org.conference.provisioning.subscribers.ReachableDidGroups;
import org.conference.provisioning.support.DidGroupReferenceRequest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Which DID groups an owner may point at: its own and those of the subscribers above it (an administrator's shared
 * group serves the rooms of everyone below it). A group outside that reach is answered as if it did not exist.
 */
@Component
class DidGroupDirectory implements ReachableDidGroups {

    private final ReactiveMongoTemplate mongo;

    DidGroupDirectory(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Nothing when the owner may use group {@code id}; a 422 naming {@code field} as if it did not exist otherwise. */
    Mono<Void> requireUsable(long id, List<String> ownerLineage, String field) {
        var usable = SoftDeletion.liveWhere(Criteria.where("_id").is(id).and("subscriberSid").in(ownerLineage));
        return mongo.exists(usable, DidGroupDocument.COLLECTION).flatMap(exists -> exists ? Mono.<Void>empty()
                : Mono.error(ApiException.validation(field, "DID group " + id + " does not exist")));
    }

    @Override
    public Mono<List<DidGroupReference>> references(List<DidGroupReferenceRequest> requested,
            List<String> ownerLineage, String field) {
        List<DidGroupReference> references = new ArrayList<>();
        for (DidGroupReferenceRequest entry : requested == null ? List.<DidGroupReferenceRequest>of() : requested) {
            long groupId = entry.didGroupId();
            if (references.stream().anyMatch(r -> r.didGroupId() == groupId)) {
                return Mono.error(ApiException.validation(field, field + " names DID group " + groupId + " twice"));
            }
            references.add(new DidGroupReference(groupId, entry.state() == null ? 0 : entry.state()));
        }
        return Flux.fromIterable(references)
                .concatMap(reference -> requireUsable(reference.didGroupId(), ownerLineage, field))
                .then(Mono.just(references));
    }
}
