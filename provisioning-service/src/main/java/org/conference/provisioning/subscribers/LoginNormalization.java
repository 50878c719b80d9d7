package org.conference.provisioning.subscribers;

import java.time.Duration;

import org.conference.common.persistence.SoftDeletion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Gives subscribers stored before logins were unique regardless of case their normalized login, once, at start-up
 * (after the indexes, before the root administrator is looked up). Nothing is renamed: a subscriber whose login
 * clashes with another's in a different case keeps none, is logged, still logs in with its exact login, and gets one
 * when an administrator gives it a login of its own (a clash then answers 409). Safe on several instances at once.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class LoginNormalization implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LoginNormalization.class);

    private final ReactiveMongoTemplate mongo;

    LoginNormalization(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        Query unnormalized = SoftDeletion.liveWhere(Criteria.where("normalizedLogin").exists(false));
        Long normalized = mongo.find(unnormalized, SubscriberDocument.class, SubscriberDocument.COLLECTION)
                .concatMap(this::normalize)
                .count()
                // Start-up, not a request path: logins must be unique by their normalized form before requests come.
                .block(Duration.ofSeconds(120));
        if (normalized != null && normalized > 0) {
            log.info("Gave {} subscribers stored before this version their normalized login", normalized);
        }
    }

    private Mono<SubscriberDocument> normalize(SubscriberDocument subscriber) {
        Query untouched = Query.query(Criteria.where("_id").is(subscriber.sid()).and("normalizedLogin").exists(false));
        return mongo.updateFirst(untouched, new Update().set("normalizedLogin", subscriber.normalizedLogin()),
                        SubscriberDocument.COLLECTION)
                .thenReturn(subscriber)
                .onErrorResume(DuplicateKeyException.class, clash -> {
                    log.warn("Subscriber {} keeps login '{}' without a normalized form: another subscriber has the "
                            + "same login in another letter case. It still logs in with its exact login; give it "
                            + "another login to make it unique.", subscriber.sid(), subscriber.login());
                    return Mono.empty();
                });
    }
}
