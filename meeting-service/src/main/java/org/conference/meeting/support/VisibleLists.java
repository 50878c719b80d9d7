package org.conference.meeting.support;

import org.conference.common.identity.Identity;
import org.conference.common.query.ListQuery;
import org.conference.common.query.MongoQueries;
import org.conference.common.query.Page;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * One page of a list request, run in the database: the client's filter, what the caller may see and the list's own
 * scope in one query, sorted, skipped and limited there, the total counted there too. Documents keep their owner in
 * {@code ownerSid} and the owner's lineage in {@code ownerLineage}.
 */
@Component
public class VisibleLists {

    private final ReactiveMongoTemplate mongo;

    public VisibleLists(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public <T> Mono<Page<T>> page(Identity caller, ListQuery request, Criteria scope, Class<T> type,
            String collection) {
        Criteria visible = Access.visible(caller, "ownerSid", "ownerLineage");
        Criteria criteria = request.filter().isEmpty() ? new Criteria().andOperator(scope, visible)
                : new Criteria().andOperator(scope, visible, MongoQueries.toCriteria(request.filter()));
        Query page = new Query(criteria).with(MongoQueries.toSort(request)).skip(request.offset())
                .limit(request.limit());
        return Mono.zip(mongo.find(page, type, collection).collectList(), mongo.count(new Query(criteria), collection))
                .map(found -> new Page<>(found.getT1(), request.offset(), found.getT2()));
    }
}
