package org.conference.provisioning.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.conference.testsupport.TestIdentities;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class SubscriberApiTest extends ApiTestSupport {

    @Test
    void createsASubscriberShapedLikeTheReferenceWithoutItsPassword() {
        Caller admin = subscriber(root, 1);
        String login = "carrierx-" + UUID.randomUUID().toString().substring(0, 8);
        post(admin, "/subscribers", Map.of("login", login, "password", "my_test_password", "firstName", "CarrierX",
                "eventCallbackUrl", "http://example.com/conference/callback", "readOnlyField", "ignored"))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.login").isEqualTo(login)
                .jsonPath("$.firstName").isEqualTo("CarrierX")
                .jsonPath("$.parentSid").isEqualTo(admin.sid())
                .jsonPath("$.role").isEqualTo(3)
                .jsonPath("$.externalId").isEqualTo(-1)
                .jsonPath("$.meetingRooms").isArray()
                .jsonPath("$.didGroupReferences").isArray()
                .jsonPath("$.callback.url").isEqualTo("http://example.com/conference/callback")
                .jsonPath("$.callback.id").isNumber()
                .jsonPath("$.callback.secret").value(s -> assertThat((String) s).startsWith("whsec_"))
                .jsonPath("$.sid").value(s -> assertThat((String) s).matches("[A-Za-z0-9._-]{32}"))
                .jsonPath("$.password").doesNotExist()
                .jsonPath("$.passwordHash").doesNotExist()
                .jsonPath("$.eventCallbackUrl").doesNotExist()
                .jsonPath("$.readOnlyField").doesNotExist();
    }

    @Test
    void whoamiAnswersTheCaller() {
        Caller user = subscriber(root, 3);
        get(user, "/subscribers/whoami").expectStatus().isOk().expectBody()
                .jsonPath("$.sid").isEqualTo(user.sid())
                .jsonPath("$.authenticationToken").isNotEmpty();
    }

    @Test
    void refusesBadSubscribersWithTheFieldNamed() {
        post(root, "/subscribers", Map.of("login", "x")).expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("login");
        post(root, "/subscribers", Map.of("login", "valid-login-" + UUID.randomUUID(), "password", "short"))
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("password");
        post(root, "/subscribers", Map.of("login", "valid-" + UUID.randomUUID().toString().substring(0, 8),
                "password", "password-123", "eventCallbackUrl", "ftp://example.com"))
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("eventCallbackUrl");
        http.post().uri(BASE + "/subscribers").header(TestIdentities.HEADER, root.token())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"login\": ").exchange()
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.message").isEqualTo("cannot parse json. Check json for validity");
    }

    @Test
    void aLoginIsTakenOnce() {
        String login = "taken-" + UUID.randomUUID().toString().substring(0, 8);
        post(root, "/subscribers", Map.of("login", login, "password", "password-123")).expectStatus().isOk();
        post(root, "/subscribers", Map.of("login", login, "password", "password-456")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("login");
    }

    @Test
    void updatesOnlyTheFieldsSent() {
        Caller admin = subscriber(root, 1);
        Caller user = subscriber(admin, 3);
        put(user, "/subscribers/" + user.sid(), Map.of("firstName", "Ada")).expectStatus().isOk();
        put(admin, "/subscribers/" + user.sid(), Map.of("role", 2, "lastName", "Company")).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.firstName").isEqualTo("Ada")
                .jsonPath("$.lastName").isEqualTo("Company")
                .jsonPath("$.role").isEqualTo(2);
    }

    @Test
    void onlyAnAdministratorAboveSetsRolesAndNeverAboveItsOwn() {
        Caller admin = subscriber(root, 1);
        Caller user = subscriber(admin, 3);
        put(user, "/subscribers/" + user.sid(), Map.of("role", 1)).expectStatus().isForbidden();
        Caller[] operatorAndChild = operatorWithChild(admin);
        put(operatorAndChild[0], "/subscribers/" + operatorAndChild[1].sid(), Map.of("role", 2))
                .expectStatus().isForbidden();
        Caller operator = operatorAndChild[0];
        post(operator, "/subscribers", Map.of("login", "op-child-" + UUID.randomUUID().toString().substring(0, 6),
                "password", "password-123")).expectStatus().isForbidden();
    }

    @Test
    void aNewPasswordWorksAndTheOldOneStopsWorking() {
        Caller user = subscriber(root, 3);
        String login = (String) get(user, "/subscribers/whoami").expectBody(Map.class).returnResult()
                .getResponseBody().get("login");
        put(user, "/subscribers/" + user.sid(), Map.of("password", "a-new-password")).expectStatus().isOk();
        assertThat(authenticate(login, "a-new-password").sid()).isEqualTo(user.sid());
        authenticateStatus(Map.of("login", login, "password", "password-123")).isUnauthorized();
    }

    @Test
    void logoutRevokesTheTokenAndTheNextPasswordLoginIssuesANewOne() {
        Caller user = subscriber(root, 3);
        Map<?, ?> me = get(user, "/subscribers/whoami").expectBody(Map.class).returnResult().getResponseBody();
        String token = (String) me.get("authenticationToken");
        authenticateStatus(Map.of("token", token)).isOk();

        post(user, "/subscribers/logout", Map.of()).expectStatus().isNoContent();
        authenticateStatus(Map.of("token", token)).isUnauthorized();

        authenticate((String) me.get("login"), "password-123");
        String renewed = (String) get(user, "/subscribers/whoami").expectBody(Map.class).returnResult()
                .getResponseBody().get("authenticationToken");
        assertThat(renewed).isNotBlank().isNotEqualTo(token);
        authenticateStatus(Map.of("token", renewed)).isOk();
    }

    @Test
    void credentialsAreShownOnlyToTheSubscriberAndItsAdministrators() {
        Caller admin = subscriber(root, 1);
        Caller[] operatorAndChild = operatorWithChild(admin);
        Caller operator = operatorAndChild[0];
        Caller user = operatorAndChild[1];
        put(user, "/subscribers/" + user.sid(), Map.of("eventCallbackUrl", "https://example.com/hook"))
                .expectStatus().isOk();
        get(admin, "/subscribers/" + user.sid()).expectStatus().isOk().expectBody()
                .jsonPath("$.callback.secret").isNotEmpty()
                .jsonPath("$.authenticationToken").isNotEmpty();
        get(operator, "/subscribers/" + user.sid()).expectStatus().isOk().expectBody()
                .jsonPath("$.callback.url").isEqualTo("https://example.com/hook")
                .jsonPath("$.callback.secret").doesNotExist()
                .jsonPath("$.authenticationToken").doesNotExist();
    }

    @Test
    void listsOnlyTheSubscribersBelowWithFilteringPagingAndFieldFiltering() {
        Caller admin = subscriber(root, 1);
        Caller first = subscriber(admin, 3);
        subscriber(admin, 2);
        get(admin, "/subscribers?order=login&include_fields=sid,role").expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(3)
                .jsonPath("$.subscribers[0].login").doesNotExist();
        get(admin, "/subscribers?filter=role eq 2").expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.subscribers[0].role").isEqualTo(2);
        get(admin, "/subscribers?filter=parentSid eq '" + admin.sid() + "'&limit=1&offset=1").expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(2).jsonPath("$.offset").isEqualTo(1)
                .jsonPath("$.last").isEqualTo(1);
        get(first, "/subscribers").expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.subscribers[0].sid").isEqualTo(first.sid());
    }

    @Test
    void deletingIsRefusedWhileTheSubscriberOwnsSomethingAndThenRemovesIt() {
        Caller admin = subscriber(root, 1);
        Caller user = subscriber(admin, 3);
        long group = didGroup(user);
        delete(admin, "/subscribers/" + user.sid()).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.errors[0].reference_sid").isEqualTo(Long.toString(group));
        delete(user, "/didGroups/" + group).expectStatus().isNoContent();
        delete(user, "/subscribers/" + user.sid()).expectStatus().isForbidden();
        delete(admin, "/subscribers/" + admin.sid()).expectStatus().isForbidden();
        delete(admin, "/subscribers/" + user.sid()).expectStatus().isNoContent();
        get(admin, "/subscribers/" + user.sid()).expectStatus().isNotFound();
    }

    private org.springframework.test.web.reactive.server.StatusAssertions authenticateStatus(Map<String, ?> body) {
        return http.post().uri("/internal/v1/authenticate")
                .header(TestIdentities.HEADER, TestIdentities.service("gateway-service"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus();
    }
}
