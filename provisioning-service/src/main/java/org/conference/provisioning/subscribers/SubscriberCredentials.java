package org.conference.provisioning.subscribers;

import java.util.List;

import org.conference.common.api.ApiException;
import org.conference.common.identity.AuthenticatedSubscriber;
import org.conference.common.identity.AuthenticationRequest;
import org.conference.common.identity.Role;
import org.conference.common.persistence.SoftDeletion;
import org.conference.provisioning.outbox.StateWrites;
import org.conference.provisioning.support.PasswordHashing;
import org.conference.provisioning.support.RandomIdentifiers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** Checks credentials for the gateway and keeps the root administrator in place. */
@Component
public class SubscriberCredentials {

    private static final Logger log = LoggerFactory.getLogger(SubscriberCredentials.class);

    private final ReactiveMongoTemplate mongo;
    private final PasswordHashing passwords;
    private final RandomIdentifiers random;
    private final StateWrites writes;

    public SubscriberCredentials(ReactiveMongoTemplate mongo, PasswordHashing passwords, RandomIdentifiers random,
            StateWrites writes) {
        this.mongo = mongo;
        this.passwords = passwords;
        this.random = random;
        this.writes = writes;
    }

    /** The subscriber the credentials belong to; 401 for anything else, never saying which part was wrong. */
    public Mono<AuthenticatedSubscriber> authenticate(AuthenticationRequest request) {
        Mono<SubscriberDocument> subscriber;
        if (request.token() != null && !request.token().isBlank()) {
            subscriber = live("authenticationToken", request.token());
        } else if (request.login() != null && request.password() != null) {
            subscriber = byLogin(request.login())
                    .filterWhen(found -> passwords.matches(request.password(), found.passwordHash()))
                    .flatMap(this::withToken);
        } else {
            subscriber = Mono.empty();
        }
        return subscriber
                .map(found -> new AuthenticatedSubscriber(found.sid(), found.login(), found.role(), found.lineage()))
                .switchIfEmpty(Mono.error(ApiException.unauthorized()));
    }

    /**
     * Logins are matched regardless of letter case (they are unique that way). A subscriber stored before logins were
     * normalized, and whose login clashed with another's when {@link LoginNormalization} ran, has no normalized login:
     * its exact login still finds it, ahead of the other one.
     */
    public Mono<SubscriberDocument> byLogin(String login) {
        Query unnormalized = SoftDeletion.liveWhere(Criteria.where("login").is(login).and("normalizedLogin")
                .exists(false));
        return mongo.findOne(unnormalized, SubscriberDocument.class, SubscriberDocument.COLLECTION)
                .switchIfEmpty(Mono.defer(() -> live("normalizedLogin", SubscriberDocument.normalizeLogin(login))));
    }

    private Mono<SubscriberDocument> live(String field, String value) {
        return mongo.findOne(SoftDeletion.liveWhere(Criteria.where(field).is(value)), SubscriberDocument.class,
                SubscriberDocument.COLLECTION);
    }

    /** A password login after a logout issues a new bearer token; the token is not published state. */
    private Mono<SubscriberDocument> withToken(SubscriberDocument subscriber) {
        if (subscriber.authenticationToken() != null) {
            return Mono.just(subscriber);
        }
        String token = random.authenticationToken();
        Query tokenless = Query.query(Criteria.where("_id").is(subscriber.sid()).and("authenticationToken").is(null));
        return mongo.updateFirst(tokenless, new Update().set("authenticationToken", token),
                        SubscriberDocument.COLLECTION)
                .then(mongo.findById(subscriber.sid(), SubscriberDocument.class, SubscriberDocument.COLLECTION));
    }

    /**
     * Creates the root administrator when no subscriber has its login (in any letter case); safe when several
     * instances start at once (the unique normalized-login index lets exactly one insert win).
     */
    public Mono<Void> ensureRootAdministrator(String login, String password) {
        return byLogin(login).hasElement().flatMap(exists -> exists ? Mono.<Void>empty()
                : passwords.hash(password).flatMap(hash -> {
                    String sid = random.subscriberSid();
                    var root = SubscriberDocument.first(sid, login, hash, Role.ADMINISTRATOR.code(), null,
                                    List.of(sid), System.currentTimeMillis())
                            .withFirstName("Root").withLastName("Administrator");
                    return writes.insert(root, SubscriberDocument.COLLECTION)
                            .doOnSuccess(saved -> log.info("Created root administrator '{}' ({})", login, sid))
                            .onErrorResume(DuplicateKeyException.class, raced -> Mono.empty())
                            .then();
                }));
    }
}
