package org.conference.provisioning.api;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.json.JsonCompareMode;

class DidGroupAndDidApiTest extends ApiTestSupport {

    @Test
    void createsADidGroupAcceptingTheCallFlowIdAsAStringLikeTheReference() {
        Caller admin = subscriber(root, 1);
        post(admin, "/didGroups", Map.of("callFlowId", "1", "name", "Test DID group")).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.callFlowId").isEqualTo(1)
                .jsonPath("$.name").isEqualTo("Test DID group")
                .jsonPath("$.description").isEqualTo("")
                .jsonPath("$.state").isEqualTo(-1)
                .jsonPath("$.attributes").isArray()
                .jsonPath("$.subscriberSid").isEqualTo(admin.sid())
                .jsonPath("$.id").isNumber();
    }

    @Test
    void refusesAnUnknownCallFlowAndBadAttributesNamingThem() {
        Caller admin = subscriber(root, 1);
        post(admin, "/didGroups", Map.of("callFlowId", 2, "name", "g")).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("callFlowId");
        post(admin, "/didGroups", Map.of("callFlowId", 3, "name", "g", "attributes",
                List.of(Map.of("name", "call_maxduration", "value", "long")))).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("attributes.call_maxduration");
        post(admin, "/didGroups", Map.of("callFlowId", 3)).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
    }

    @Test
    void createsADidWithItsCountryAndNoDescriptionUntilOneIsSet() {
        Caller admin = subscriber(root, 1);
        long group = didGroup(admin);
        String number = phoneNumber();
        Map<?, ?> did = post(admin, "/dids", Map.of("didGroupId", group, "phoneNumber", "+" + number))
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        get(admin, "/dids/" + did.get("id")).expectStatus().isOk().expectBody().json("""
                {"attributes": [], "countryCode": "US", "didGroupId": %d, "id": %s, "phoneNumber": "%s", "state": -1}"""
                .formatted(group, did.get("id"), number), JsonCompareMode.STRICT);
        put(admin, "/dids/" + did.get("id"), Map.of("description", "A test DID")).expectStatus().isOk()
                .expectBody().jsonPath("$.description").isEqualTo("A test DID").jsonPath("$.phoneNumber")
                .isEqualTo(number);
    }

    @Test
    void aPhoneNumberIsProvisionedOnceAcrossGroupsUntilDeleted() {
        Caller admin = subscriber(root, 1);
        long first = didGroup(admin);
        long second = didGroup(admin);
        String number = phoneNumber();
        Map<?, ?> did = post(admin, "/dids", Map.of("didGroupId", first, "phoneNumber", number))
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        post(admin, "/dids", Map.of("didGroupId", second, "phoneNumber", "+" + number)).expectStatus()
                .isEqualTo(409).expectBody().jsonPath("$.errors[0].field").isEqualTo("phoneNumber");
        delete(admin, "/dids/" + did.get("id")).expectStatus().isNoContent();
        post(admin, "/dids", Map.of("didGroupId", second, "phoneNumber", number)).expectStatus().isOk();
    }

    @Test
    void refusesMalformedNumbersAndDidAttributesOfOtherLevels() {
        Caller admin = subscriber(root, 1);
        long group = didGroup(admin);
        post(admin, "/dids", Map.of("didGroupId", group, "phoneNumber", "12ab")).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("phoneNumber");
        post(admin, "/dids", Map.of("didGroupId", group, "phoneNumber", phoneNumber(), "attributes",
                List.of(Map.of("name", "call_maxduration", "value", 5)))).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].message").value(m -> org.assertj.core.api.Assertions
                        .assertThat((String) m).contains("cannot be set on a DID"));
        post(admin, "/dids", Map.of("didGroupId", 987654321, "phoneNumber", phoneNumber()))
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("didGroupId");
    }

    @Test
    void aGroupEmbedsItsDidsAndShowsItsAttributesWithTheCatalogData() {
        Caller admin = subscriber(root, 1);
        long group = didGroup(admin);
        long did = did(admin, group);
        put(admin, "/didGroups/" + group, Map.of("description", "Updated DID group description", "attributes",
                List.of(Map.of("name", "call_delay", "value", 2)))).expectStatus().isOk().expectBody()
                .jsonPath("$.description").isEqualTo("Updated DID group description")
                .jsonPath("$.attributes[0].name").isEqualTo("call_delay")
                .jsonPath("$.attributes[0].value").isEqualTo("2")
                .jsonPath("$.attributes[0].group").isEqualTo(3)
                .jsonPath("$.attributes[0].type").isEqualTo(2);
        get(admin, "/didGroups/" + group).expectStatus().isOk().expectBody()
                .jsonPath("$.dids[0].id").isEqualTo(did)
                .jsonPath("$.name").value(n -> org.assertj.core.api.Assertions.assertThat((String) n)
                        .startsWith("group "));
        put(admin, "/didGroups/" + group, Map.of("attributes", List.of(Map.of("name", "call_delay"))))
                .expectStatus().isOk().expectBody().jsonPath("$.attributes.length()").isEqualTo(0);
    }

    @Test
    void listsGroupsAndDidsWithFilters() {
        Caller admin = subscriber(root, 1);
        long group = didGroup(admin);
        did(admin, group);
        did(admin, group);
        get(admin, "/dids?filter=didGroupId eq " + group + "&order=phoneNumber desc").expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(2).jsonPath("$.dids.length()").isEqualTo(2);
        get(admin, "/dids?filter=countryCode eq US and phoneNumber like '1516%'&include_fields=id")
                .expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(2)
                .jsonPath("$.dids[0].phoneNumber").doesNotExist();
        get(admin, "/didGroups?filter=callFlowId eq 3").expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1).jsonPath("$.didGroups[0].dids.length()").isEqualTo(2);
        get(admin, "/dids?filter=didGroupId eq abc").expectStatus().isBadRequest();
    }

    @Test
    void aGroupInUseCannotBeDeleted() {
        Caller admin = subscriber(root, 1);
        long group = didGroup(admin);
        long did = did(admin, group);
        delete(admin, "/didGroups/" + group).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.errors[0].reference_sid").isEqualTo(Long.toString(did));
        delete(admin, "/dids/" + did).expectStatus().isNoContent();
        long room = room(admin, group);
        delete(admin, "/didGroups/" + group).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.errors[0].reference_sid").isEqualTo(Long.toString(room));
        delete(admin, "/meetingRooms/" + room).expectStatus().isNoContent();
        delete(admin, "/didGroups/" + group).expectStatus().isNoContent();
        get(admin, "/didGroups/" + group).expectStatus().isNotFound();
    }
}
