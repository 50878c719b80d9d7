package org.conference.provisioning.dids;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.conference.common.persistence.Dependent;
import org.conference.common.persistence.SoftDeletion;
import org.conference.provisioning.didgroups.DidGroupDependents;
import org.conference.provisioning.didgroups.DidGroupMembers;
import org.conference.provisioning.support.Embedding;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * The DIDs of DID groups: shown in the DID Group object, and keeping their group from being deleted (named after
 * the rooms that use the group, which must go first).
 */
@Component
@Order(2)
class DidsOfGroups implements DidGroupMembers, DidGroupDependents {

    private final ReactiveMongoTemplate mongo;

    DidsOfGroups(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Map<Long, List<Object>>> byGroup(Collection<Long> didGroupIds) {
        return mongo.find(SoftDeletion.liveWhere(Criteria.where("didGroupId").in(didGroupIds)), DidDocument.class,
                DidDocument.COLLECTION).as(found -> Embedding.byKey(found, DidDocument::didGroupId, DidView::of));
    }

    @Override
    public Mono<Dependent> firstUsing(long didGroupId) {
        return mongo.findOne(SoftDeletion.liveWhere(Criteria.where("didGroupId").is(didGroupId)), DidDocument.class,
                        DidDocument.COLLECTION)
                .map(did -> new Dependent("DID", Long.toString(did.id())));
    }
}
