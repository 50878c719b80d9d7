package org.conference.provisioning.didgroups;

import java.util.ArrayList;
import java.util.List;

import org.conference.common.api.ApiException;
import org.conference.common.events.DidGroupReference;
import org.conference.provisioning.support.JsonBody;
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

    /** Checks {@code didGroupReferences} entries ({@code didGroupId} required, {@code state} 0, 1 or 2). */
    public Mono<List<DidGroupReference>> references(List<JsonBody> entries, List<String> ownerLineage, String field) {
        List<DidGroupReference> references = new ArrayList<>();
        for (JsonBody entry : entries) {
            long groupId = entry.integer("didGroupId")
                    .orElseThrow(() -> ApiException.validation(field, "every reference needs a didGroupId"));
            long state = entry.integer("state").orElse(0L);
            if (state < 0 || state > 2) {
                throw ApiException.validation(field, "state must be 0 (active), 1 (invalidated) or 2 (disabled)");
            }
            if (references.stream().anyMatch(r -> r.didGroupId() == groupId)) {
                throw ApiException.validation(field, "DID group " + groupId + " is referenced twice");
            }
            references.add(new DidGroupReference(groupId, (int) state));
        }
        return Flux.fromIterable(references)
                .concatMap(reference -> usable(reference.didGroupId(), ownerLineage)
                        .switchIfEmpty(Mono.error(ApiException.validation(field,
                                "DID group " + reference.didGroupId() + " does not exist"))))
                .then(Mono.just(references));
    }
}
