package org.conference.provisioning.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.conference.testsupport.TestIdentities;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * The Subscriber object field by field against the reference's samples (create, whoami, list, get, update): which
 * fields appear and their JSON types. Unset optional fields are left out, lists are always there, the password and
 * the write-only callback URL never appear, and the creator gets the new subscriber's token.
 */
class SubscriberConformanceTest extends ApiTestSupport {

    /** The fields of the reference's create sample, plus {@code meetingRooms} (in its Subscriber object sample). */
    private static final Set<String> MINIMAL = Set.of("authenticationToken", "created", "didGroupReferences",
            "externalId", "firstName", "login", "meetingRooms", "parentSid", "role", "sid");

    @Test
    void createAnswersTheSamplesFieldsWithTheTokenAndNoUnsetOptionals() {
        Caller admin = subscriber(root, 1);
        Map<String, Object> created = createCarrierX(admin);
        assertShape(created, MINIMAL);
        assertThat(created).containsEntry("firstName", "CarrierX").containsEntry("externalId", -1)
                .containsEntry("role", 3).containsEntry("parentSid", admin.sid())
                .containsEntry("didGroupReferences", List.of()).containsEntry("meetingRooms", List.of());
        assertThat((String) created.get("sid")).matches("[A-Za-z0-9._-]{32}");
        // The token handed to the creator is the new subscriber's working credential.
        authenticateWith(Map.of("token", created.get("authenticationToken"))).isOk();
    }

    @Test
    void whoamiGetAndListAnswerTheSameShape() {
        Caller admin = subscriber(root, 1);
        Map<String, Object> created = createCarrierX(admin);
        String sid = (String) created.get("sid");
        Caller self = authenticate((String) created.get("login"), "my_test_password");

        Map<String, Object> whoami = body(get(self, "/subscribers/whoami"));
        assertShape(whoami, MINIMAL);
        assertThat(whoami.get("authenticationToken")).isEqualTo(created.get("authenticationToken"));

        Map<String, Object> byAdmin = body(get(admin, "/subscribers/" + sid));
        assertShape(byAdmin, MINIMAL);
        assertThat(byAdmin).isEqualTo(whoami);

        Map<String, Object> list = body(get(admin, "/subscribers?filter=sid eq '" + sid + "'"));
        assertThat(list.keySet()).containsExactlyInAnyOrder("subscribers", "last", "offset", "total");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) list.get("subscribers");
        assertThat(items).singleElement().isEqualTo(byAdmin);
    }

    @Test
    void updateAddsWhatIsSetAndLeavesOutWhatIsCleared() {
        Caller admin = subscriber(root, 1);
        String sid = (String) createCarrierX(admin).get("sid");
        Map<String, Object> updated = body(put(admin, "/subscribers/" + sid, Map.of("role", 2, "lastName", "Company",
                "email", "mail@carrierx.com", "phoneNumber", "9197473626", "details", "Some details\nabout it",
                "ext", "12", "eventCallbackUrl", "http://mywebsite.com/conference/callback")));
        Set<String> full = new TreeSet<>(MINIMAL);
        full.addAll(Set.of("lastName", "email", "phoneNumber", "details", "ext", "callback"));
        assertShape(updated, full);
        assertThat(updated).containsEntry("role", 2).containsEntry("lastName", "Company")
                .containsEntry("phoneNumber", "9197473626").containsEntry("details", "Some details\nabout it");
        @SuppressWarnings("unchecked")
        Map<String, Object> callback = (Map<String, Object>) updated.get("callback");
        assertThat(callback.keySet()).containsExactlyInAnyOrder("id", "url", "secret");
        assertThat(callback.get("id")).isInstanceOf(Number.class);
        assertThat(callback.get("url")).isEqualTo("http://mywebsite.com/conference/callback");

        Map<String, Object> cleared = new java.util.HashMap<>();
        for (String field : List.of("lastName", "email", "phoneNumber", "details", "ext", "eventCallbackUrl")) {
            cleared.put(field, null);
        }
        Map<String, Object> after = body(put(admin, "/subscribers/" + sid, cleared));
        assertShape(after, MINIMAL);
        assertThat(body(get(admin, "/subscribers/" + sid))).isEqualTo(after);
    }

    @Test
    void fieldFilteringNeverBringsBackUnsetFieldsAsNull() {
        Caller admin = subscriber(root, 1);
        String sid = (String) createCarrierX(admin).get("sid");
        Map<String, Object> filtered = body(get(admin, "/subscribers/" + sid + "?include_fields=sid,email,callback,lastName"));
        assertThat(filtered).containsOnlyKeys("sid");
        Map<String, Object> listed = body(get(admin, "/subscribers?filter=sid eq '" + sid + "'&exclude_fields=meetingRooms"));
        @SuppressWarnings("unchecked")
        Map<String, Object> item = ((List<Map<String, Object>>) listed.get("subscribers")).get(0);
        Set<String> expected = new TreeSet<>(MINIMAL);
        expected.remove("meetingRooms");
        assertShape(item, expected);
    }

    @Test
    @SuppressWarnings("unchecked")
    void othersSeeNeitherTokenNorSecretAndNobodySeesThePassword() {
        Caller admin = subscriber(root, 1);
        Caller[] operatorAndChild = operatorWithChild(admin);
        Caller user = operatorAndChild[1];
        put(user, "/subscribers/" + user.sid(), Map.of("callback", Map.of("url", "https://example.com/hook")))
                .expectStatus().isOk();
        Map<String, Object> seenByOperator = body(get(operatorAndChild[0], "/subscribers/" + user.sid()));
        assertThat(seenByOperator).doesNotContainKeys("authenticationToken", "password", "passwordHash",
                "eventCallbackUrl", "normalizedLogin");
        assertThat(((Map<String, Object>) seenByOperator.get("callback")).keySet()).containsExactlyInAnyOrder("id", "url");
        Map<String, Object> seenBySelf = body(get(user, "/subscribers/whoami"));
        assertThat(seenBySelf).doesNotContainKeys("password", "passwordHash", "eventCallbackUrl", "normalizedLogin");
        assertThat(((Map<String, Object>) seenBySelf.get("callback")).keySet()).containsExactlyInAnyOrder("id", "url", "secret");
    }

    private Map<String, Object> createCarrierX(Caller admin) {
        String login = "test_carrierx_" + UUID.randomUUID().toString().substring(0, 8);
        return body(post(admin, "/subscribers", Map.of("login", login, "password", "my_test_password",
                "firstName", "CarrierX")));
    }

    /** Exactly these fields, none null, each of the JSON type the reference gives it. */
    private static void assertShape(Map<String, Object> subscriber, Set<String> fields) {
        assertThat(new TreeSet<>(subscriber.keySet())).isEqualTo(new TreeSet<>(fields));
        subscriber.forEach((field, value) -> {
            assertThat(value).as(field).isNotNull();
            Class<?> type = switch (field) {
                case "created", "externalId", "role" -> Number.class;
                case "didGroupReferences", "meetingRooms" -> List.class;
                case "callback" -> Map.class;
                default -> String.class;
            };
            assertThat(value).as(field).isInstanceOf(type);
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec response) {
        return response.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    private org.springframework.test.web.reactive.server.StatusAssertions authenticateWith(Map<String, ?> body) {
        return http.post().uri("/internal/v1/authenticate")
                .header(TestIdentities.HEADER, TestIdentities.service("gateway-service"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus();
    }
}
