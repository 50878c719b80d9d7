package org.conference.provisioning.support;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;

/**
 * Creates every declared index before anything else runs at start-up: the unique ones are the concurrency guarantees
 * (logins, tokens, meeting numbers, phone numbers, access codes per DID group), the others serve visibility, list
 * queries and the outbox relay.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class MongoIndexes implements ApplicationRunner {

    private final ReactiveMongoTemplate mongo;
    private final List<IndexDeclarations> declarations;

    MongoIndexes(ReactiveMongoTemplate mongo, List<IndexDeclarations> declarations) {
        this.mongo = mongo;
        this.declarations = declarations;
    }

    @Override
    public void run(ApplicationArguments args) {
        Flux.fromIterable(declarations)
                .concatMapIterable(IndexDeclarations::indexes)
                .concatMap(declared -> mongo.indexOps(declared.collection()).createIndex(declared.index()))
                .then()
                // Start-up: the unique indexes must exist before the first request relies on them.
                .block(Duration.ofSeconds(60));
    }
}
