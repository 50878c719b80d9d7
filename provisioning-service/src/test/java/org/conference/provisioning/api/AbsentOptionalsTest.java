package org.conference.provisioning.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Every object the service answers leaves unset fields out instead of answering {@code null}, as the reference's
 * samples do: DID groups, DIDs, rooms, keys, call flows, in whole and field-filtered answers and in lists.
 */
class AbsentOptionalsTest extends ApiTestSupport {

    @Test
    void noAnswerOfAnyObjectCarriesANull() {
        Caller admin = subscriber(root, 1);
        long group = didGroup(admin);
        long did = did(admin, group);
        long room = room(admin, group);
        String keychain = "/subscribers/" + admin.sid() + "/meetingRooms/" + room + "/keychain";
        long key = number(post(admin, keychain, Map.of("role", 2)).expectStatus().isOk(), "id");

        for (String path : List.of("/didGroups/" + group, "/didGroups?filter=id eq " + group, "/dids/" + did,
                "/dids?filter=id eq " + did, "/meetingRooms/" + room, "/meetingRooms?filter=meetingNumber eq " + room,
                keychain + "/" + key, "/callFlows/3", "/callFlows/1", "/callFlows",
                "/dids/" + did + "?include_fields=id,description", "/subscribers/" + admin.sid(),
                "/subscribers?include_fields=sid,details,callback")) {
            Object body = get(admin, path).expectStatus().isOk().expectBody(Object.class).returnResult()
                    .getResponseBody();
            assertNoNulls(path, body);
        }
        assertNoNulls("keychain list", get(admin, keychain).expectStatus().isOk().expectBody(Object.class)
                .returnResult().getResponseBody());
    }

    @Test
    void aDidsDescriptionIsHiddenUntilSetAndAgainOnceCleared() {
        Caller admin = subscriber(root, 1);
        long did = did(admin, didGroup(admin));
        put(admin, "/dids/" + did, Map.of("description", "A test DID")).expectStatus().isOk().expectBody()
                .jsonPath("$.description").isEqualTo("A test DID");
        Map<String, Object> cleared = new java.util.HashMap<>();
        cleared.put("description", null);
        put(admin, "/dids/" + did, cleared).expectStatus().isOk().expectBody().jsonPath("$.description").doesNotExist();
    }

    /** The reference's sample shows {@code "enumValues": ""} for a role attribute: empty, not absent, for non-choices. */
    @Test
    void callFlowTemplatesCarryEnumValuesAsTheSampleDoes() {
        Map<?, ?> flow = get(root, "/callFlows/3").expectStatus().isOk().expectBody(Map.class).returnResult()
                .getResponseBody();
        List<?> templates = (List<?>) flow.get("attributeTemplates");
        assertThat(templates).allSatisfy(t -> {
            Map<?, ?> template = (Map<?, ?>) t;
            boolean choice = ((Number) template.get("type")).intValue() == 5;
            assertThat((String) template.get("enumValues")).as(String.valueOf(template.get("name")))
                    .matches(choice ? ".+" : "");
        });
    }

    private static void assertNoNulls(String where, Object json) {
        if (json instanceof Map<?, ?> map) {
            map.forEach((field, value) -> {
                assertThat(value).as(where + " ." + field).isNotNull();
                assertNoNulls(where + " ." + field, value);
            });
        } else if (json instanceof List<?> list) {
            list.forEach(element -> assertNoNulls(where + "[]", element));
        }
    }
}
