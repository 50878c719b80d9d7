package org.conference.provisioning.support;

import java.util.ArrayList;
import java.util.List;

import org.conference.common.query.ListQuery;
import org.conference.common.query.MongoQueries;
import org.conference.common.query.Page;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Runs a list request in the database: the client's filter, the caller's visibility and "not deleted" in one query,
 * sorted, skipped and limited there, with the total counted there too; nothing is loaded to be filtered in memory.
 */
@Component
public class MongoLists {

    private final ReactiveMongoTemplate mongo;

    public MongoLists(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public <T> Mono<Page<T>> page(ListQuery request, Criteria scope, Class<T> type, String collection) {
        List<Criteria> all = new ArrayList<>();
        all.add(Criteria.where("deleted").is(false));
        all.add(scope);
        if (!request.filter().isEmpty()) {
            all.add(MongoQueries.toCriteria(request.filter()));
        }
        Criteria criteria = new Criteria().andOperator(all);
        Query page = new Query(criteria).with(MongoQueries.toSort(request)).skip(request.offset())
                .limit(request.limit());
        return Mono.zip(mongo.find(page, type, collection).collectList(), mongo.count(new Query(criteria), collection))
                .map(found -> new Page<>(found.getT1(), request.offset(), found.getT2()));
    }
}
