package org.conference.provisioning.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MeetingRoomApiTest extends ApiTestSupport {

    @Test
    void createsARoomWithTheMinimumBodyOfTheReference() {
        Caller admin = subscriber(root, 1);
        long group = didGroup(admin);
        post(admin, "/meetingRooms", Map.of("primaryDidGroupId", group)).expectStatus().isCreated().expectBody()
                .jsonPath("$.primaryDidGroupId").isEqualTo(group)
                .jsonPath("$.didGroupReferences[0].didGroupId").isEqualTo(group)
                .jsonPath("$.didGroupReferences[0].state").isEqualTo(0)
                .jsonPath("$.keychain").isArray()
                .jsonPath("$.attributes").isArray()
                .jsonPath("$.subscriberSid").isEqualTo(admin.sid())
                .jsonPath("$.created").isNumber()
                .jsonPath("$.meetingNumber").value(n -> assertThat(((Number) n).longValue())
                        .isBetween(100_000L, 999_999_999L));
    }

    @Test
    void createsKeysWithIdsAndGeneratedCodesAndAttributesWithCatalogData() {
        Caller admin = subscriber(root, 1);
        long group = didGroup(admin);
        Map<?, ?> room = post(admin, "/meetingRooms", Map.of("primaryDidGroupId", group, "description", "Test Meeting",
                "keychain", List.of(Map.of("accessCode", "463516", "role", 3), Map.of("role", 1)),
                "attributes", List.of(Map.of("name", "call_maxduration", "value", 120))))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        List<Map<String, Object>> keys = (List<Map<String, Object>>) room.get("keychain");
        assertThat(keys).hasSize(2);
        assertThat(keys.get(0)).containsEntry("accessCode", "463516").containsEntry("role", 3).containsKey("id");
        assertThat((String) keys.get(1).get("accessCode")).matches("[1-9][0-9]{5}");
        assertThat((List<Map<String, Object>>) room.get("attributes")).singleElement().isEqualTo(Map.of(
                "description", "Maximal calls duration (s)", "group", 5, "name", "call_maxduration", "type", 2,
                "value", "120"));
    }

    @Test
    void refusesRoomsWithoutAUsablePrimaryGroup() {
        Caller admin = subscriber(root, 1);
        post(admin, "/meetingRooms", Map.of("description", "x")).expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("primaryDidGroupId");
        Caller stranger = subscriber(root, 1);
        long foreign = didGroup(stranger);
        post(admin, "/meetingRooms", Map.of("primaryDidGroupId", foreign)).expectStatus().isEqualTo(422);
        post(admin, "/meetingRooms", Map.of("primaryDidGroupId", didGroup(admin), "keychain",
                List.of(Map.of("accessCode", "12", "role", 7)))).expectStatus().isEqualTo(422);
    }

    @Test
    void roomsOfUsersMayUseTheirAdministratorsGroup() {
        Caller admin = subscriber(root, 1);
        long shared = didGroup(admin);
        Caller user = subscriber(admin, 3);
        room(user, shared);
    }

    @Test
    void anAccessCodeIsUniqueAmongRoomsSharingADidGroup() {
        Caller admin = subscriber(root, 1);
        long group = didGroup(admin);
        long other = didGroup(admin);
        long first = number(post(admin, "/meetingRooms", Map.of("primaryDidGroupId", group,
                "keychain", List.of(Map.of("accessCode", "5555", "role", 2)))).expectStatus().isCreated(),
                "meetingNumber");
        post(admin, "/meetingRooms", Map.of("primaryDidGroupId", group, "keychain",
                List.of(Map.of("accessCode", "5555", "role", 1)))).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.errors[0].reference_sid").isEqualTo(Long.toString(first));
        post(admin, "/meetingRooms", Map.of("primaryDidGroupId", other, "keychain",
                List.of(Map.of("accessCode", "5555", "role", 1)))).expectStatus().isCreated();
        post(admin, "/meetingRooms", Map.of("primaryDidGroupId", other, "didGroupReferences",
                List.of(Map.of("didGroupId", group)), "keychain", List.of(Map.of("accessCode", "6666", "role", 1))))
                .expectStatus().isCreated();
        put(admin, "/meetingRooms/" + first, Map.of("keychain", List.of(Map.of("accessCode", "6666", "role", 2))))
                .expectStatus().isEqualTo(409);
    }

    @Test
    void updatesOnlyWhatIsSentAndMayRenumberTheRoom() {
        Caller admin = subscriber(root, 1);
        long group = didGroup(admin);
        long number = room(admin, group);
        put(admin, "/meetingRooms/" + number, Map.of("description", "Another description")).expectStatus().isOk()
                .expectBody().jsonPath("$.description").isEqualTo("Another description")
                .jsonPath("$.primaryDidGroupId").isEqualTo(group);
        long renumbered = 100_000 + (number % 899_999);
        put(admin, "/meetingRooms/" + number, Map.of("meetingNumber", renumbered)).expectStatus().isOk();
        get(admin, "/meetingRooms/" + number).expectStatus().isNotFound();
        get(admin, "/meetingRooms/" + renumbered).expectStatus().isOk().expectBody()
                .jsonPath("$.description").isEqualTo("Another description");
        put(admin, "/meetingRooms/" + renumbered, Map.of("meetingNumber", 0)).expectStatus().isEqualTo(422);
    }

    @Test
    void servesTheSubscriberScopedFamily() {
        Caller admin = subscriber(root, 1);
        Caller user = subscriber(admin, 3);
        long group = didGroup(admin);
        Map<?, ?> room = post(admin, "/subscribers/" + user.sid() + "/meetingRooms", Map.of("primaryDidGroupId", group))
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        Object number = room.get("meetingNumber");
        assertThat(room.get("subscriberSid")).isEqualTo(user.sid());
        get(user, "/subscribers/" + user.sid() + "/meetingRooms").expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1).jsonPath("$.meetingRooms[0].meetingNumber").isEqualTo(number);
        get(admin, "/subscribers/" + admin.sid() + "/meetingRooms/" + number).expectStatus().isNotFound();
        put(user, "/subscribers/" + user.sid() + "/meetingRooms/" + number, Map.of("description", "mine"))
                .expectStatus().isOk().expectBody().jsonPath("$.description").isEqualTo("mine");
        get(admin, "/subscribers/" + user.sid()).expectStatus().isOk().expectBody()
                .jsonPath("$.meetingRooms[0].meetingNumber").isEqualTo(number);
        delete(admin, "/subscribers/" + user.sid() + "/meetingRooms/" + number).expectStatus().isNoContent();
        get(user, "/meetingRooms/" + number).expectStatus().isNotFound();
    }

    @Test
    void listsRoomsWithFiltersOnNestedFields() {
        Caller admin = subscriber(root, 1);
        long group = didGroup(admin);
        post(admin, "/meetingRooms", Map.of("primaryDidGroupId", group, "description", "alpha",
                "keychain", List.of(Map.of("accessCode", "7777", "role", 1)))).expectStatus().isCreated();
        room(admin, group);
        get(admin, "/meetingRooms?filter=keychain.accessCode eq '7777'").expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1).jsonPath("$.meetingRooms[0].description").isEqualTo("alpha");
        get(admin, "/meetingRooms?filter=didGroupReferences.didGroupId eq " + group + "&exclude_fields=attributes")
                .expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(2)
                .jsonPath("$.meetingRooms[0].attributes").doesNotExist();
        get(admin, "/meetingRooms?filter=description ilike 'ALP%'").expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1);
    }
}
