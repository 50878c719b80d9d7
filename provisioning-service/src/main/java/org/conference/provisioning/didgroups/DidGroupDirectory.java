package org.conference.provisioning.didgroups;

import java.util.ArrayList;
import java.util.List;

import org.conference.common.api.ApiException;
import org.conference.common.events.DidGroupReference;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Which DID groups an owner may point at: its own and those of the subscribers above it (an administrator's shared
 * group serves the rooms of everyone below it). A group outside that reach is answered as if it did not exist.
 */
@Component
public class DidGroupDirectory {

    private final ReactiveMongoTemplate mongo;

    public DidGroupDirectory(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<DidGroupDocument> usable(long id, List<String> ownerLineage) {
        Query query = Query.query(Criteria.where("_id").is(id).and("deleted").is(false)
                .and("subscriberSid").in(ownerLineage));
        return mongo.findOne(query, DidGroupDocument.class, DidGroupDocument.COLLECTION);
    }

    /**
     * The references asked for (entries already checked field by field), each to a group the owner may use and
     * none twice; none asked for ({@code null}) is none.
     */
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
                .concatMap(reference -> usable(reference.didGroupId(), ownerLineage)
                        .switchIfEmpty(Mono.error(ApiException.validation(field,
                                "DID group " + reference.didGroupId() + " does not exist"))))
                .then(Mono.just(references));
    }
}
