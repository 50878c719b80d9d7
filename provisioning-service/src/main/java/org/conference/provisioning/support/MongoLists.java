package org.conference.provisioning.support;

import java.util.ArrayList;
import java.util.List;

import org.conference.common.api.ApiException;
import org.conference.common.identity.Identity;
import org.conference.common.persistence.SoftDeletion;
import org.conference.common.query.ListQuery;
import org.conference.common.query.MongoQueries;
import org.conference.common.query.Page;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Reads what a caller may see. Runs a list request in the database: the client's filter, the caller's visibility and
 * "not deleted" in one query, sorted, skipped and limited there, with the total counted there too; nothing is loaded
 * to be filtered in memory.
 */
@Component
public class MongoLists {

    private final ReactiveMongoTemplate mongo;

    public MongoLists(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The live document matching {@code criteria} if the caller may see it; otherwise 404 "cannot find {thing}". */
    public <T extends Owned> Mono<T> findVisible(Identity caller, Criteria criteria, Class<T> type, String collection,
            String thing) {
        return mongo.findOne(SoftDeletion.liveWhere(criteria), type, collection)
                .filter(found -> Access.canRead(caller, found))
                .switchIfEmpty(Mono.error(ApiException.notFound(thing)));
    }

    public <T> Mono<Page<T>> page(ListQuery request, Criteria scope, Class<T> type, String collection) {
        List<Criteria> all = new ArrayList<>();
        all.add(SoftDeletion.live());
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
