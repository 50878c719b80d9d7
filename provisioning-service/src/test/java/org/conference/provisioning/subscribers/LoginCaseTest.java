package org.conference.provisioning.subscribers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.conference.provisioning.api.ApiTestSupport;
import org.conference.provisioning.support.PasswordHashing;
import org.conference.provisioning.support.RandomIdentifiers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Logins are unique regardless of letter case and match regardless of it; subscribers stored before that rule get
 * their normalized login at start-up, and one that clashes is left as it was, still able to log in exactly.
 */
class LoginCaseTest extends ApiTestSupport {

    @Autowired
    private ReactiveMongoTemplate mongo;

    @Autowired
    private PasswordHashing passwords;

    @Autowired
    private RandomIdentifiers random;

    @Test
    void aLoginTakenInOneCaseIsTakenInEvery() {
        String login = "Case-" + UUID.randomUUID().toString().substring(0, 8);
        post(root, "/subscribers", Map.of("login", login, "password", "password-123")).expectStatus().isOk();
        post(root, "/subscribers", Map.of("login", login.toUpperCase(), "password", "password-123"))
                .expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("login")
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains("letter case"));
        post(root, "/subscribers", Map.of("login", login.toLowerCase(), "password", "password-123"))
                .expectStatus().isEqualTo(409);
    }

    @Test
    void aUserCannotRenameItselfIntoAnotherLoginsCase() {
        Caller user = subscriber(root, 3);
        put(user, "/subscribers/" + user.sid(), Map.of("login", "ROOT")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("login");
        get(user, "/subscribers/whoami").expectStatus().isOk().expectBody().jsonPath("$.login")
                .value(l -> assertThat((String) l).startsWith("user-"));
        // Its own login in another case is still its own.
        String login = (String) get(user, "/subscribers/whoami").expectBody(Map.class).returnResult()
                .getResponseBody().get("login");
        put(user, "/subscribers/" + user.sid(), Map.of("login", login.toUpperCase())).expectStatus().isOk()
                .expectBody().jsonPath("$.login").isEqualTo(login.toUpperCase());
    }

    @Test
    void aLoginMatchesInAnyCaseAndIsAnsweredAsWritten() {
        String login = "Mixed.Case-" + UUID.randomUUID().toString().substring(0, 6);
        post(root, "/subscribers", Map.of("login", login, "password", "password-123")).expectStatus().isOk()
                .expectBody().jsonPath("$.login").isEqualTo(login);
        assertThat(authenticate(login.toLowerCase(), "password-123").sid())
                .isEqualTo(authenticate(login, "password-123").sid());
        assertThat(authenticate("ROOT", ROOT_PASSWORD_FOR_TESTS).sid()).isEqualTo(root.sid());
    }

    @Test
    void subscribersStoredBeforeNormalizationGetTheirNormalizedLoginAndAClashIsLeftAlone() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String solo = legacy("Legacy-Solo-" + suffix);
        String first = legacy("Legacy-Twin-" + suffix);
        String second = legacy("legacy-twin-" + suffix);

        new LoginNormalization(mongo).run(null);

        assertThat(normalizedLoginOf(solo)).isEqualTo("legacy-solo-" + suffix);
        List<String> twins = List.of(String.valueOf(normalizedLoginOf(first)), String.valueOf(normalizedLoginOf(second)));
        assertThat(twins).containsExactlyInAnyOrder("legacy-twin-" + suffix, "null");
        // Each twin still logs in with its exact login; the solo one in any case.
        assertThat(authenticate("Legacy-Twin-" + suffix, "password-123").sid()).isEqualTo(first);
        assertThat(authenticate("legacy-twin-" + suffix, "password-123").sid()).isEqualTo(second);
        assertThat(authenticate("LEGACY-SOLO-" + suffix, "password-123").sid()).isEqualTo(solo);
        // The twin without a normalized login cannot be renamed into a clash either.
        String unnormalized = normalizedLoginOf(first) == null ? first : second;
        put(root, "/subscribers/" + unnormalized, Map.of("firstName", "Still", "login", "LEGACY-TWIN-" + suffix))
                .expectStatus().isEqualTo(409);
        put(root, "/subscribers/" + unnormalized, Map.of("login", "legacy-renamed-" + suffix)).expectStatus().isOk();
        assertThat(normalizedLoginOf(unnormalized)).isEqualTo("legacy-renamed-" + suffix);
    }

    private static final String ROOT_PASSWORD_FOR_TESTS = "root-password-1";

    /** A subscriber as stored before logins were normalized: a child of root without {@code normalizedLogin}. */
    private String legacy(String login) {
        String sid = random.subscriberSid();
        String hash = passwords.hash("password-123").block();
        var document = SubscriberDocument.first(sid, login, hash, 3, root.sid(), List.of(root.sid(), sid),
                System.currentTimeMillis());
        mongo.insert(document, SubscriberDocument.COLLECTION).block();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(sid)), new Update().unset("normalizedLogin"),
                SubscriberDocument.COLLECTION).block();
        return sid;
    }

    private String normalizedLoginOf(String sid) {
        Document stored = mongo.findById(sid, Document.class, SubscriberDocument.COLLECTION).block();
        return stored.getString("normalizedLogin");
    }

}
