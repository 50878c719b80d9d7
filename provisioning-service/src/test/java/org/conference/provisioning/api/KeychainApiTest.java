package org.conference.provisioning.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.json.JsonCompareMode;

class KeychainApiTest extends ApiTestSupport {

    @Test
    void managesOneKeyAtATimeLikeTheReference() {
        Caller admin = subscriber(root, 1);
        long group = didGroup(admin);
        long number = room(admin, group);
        String keychain = "/subscribers/" + admin.sid() + "/meetingRooms/" + number + "/keychain";

        Map<String, Object> created = post(admin, keychain, Map.of("accessCode", "3141591", "role", 2)).expectStatus().isOk()
                .expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody();
        assertThat(created).containsEntry("accessCode", "3141591").containsEntry("role", 2)
                .containsKeys("id", "meetingRoomId");
        Object id = created.get("id");

        Map<?, ?> generated = post(admin, keychain, Map.of("role", 3)).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat((String) generated.get("accessCode")).matches("[1-9][0-9]{5}");

        get(admin, keychain + "/" + id).expectStatus().isOk().expectBody().json("""
                {"accessCode": "3141591", "id": %s, "role": 2}""".formatted(id), JsonCompareMode.STRICT);
        get(admin, keychain + "?order=id").expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].id").isEqualTo(id);
        get(admin, keychain + "?filter=role eq 3&include_fields=accessCode").expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].role").doesNotExist();

        put(admin, keychain + "/" + id, Map.of("role", 1)).expectStatus().isOk().expectBody()
                .jsonPath("$.accessCode").isEqualTo("3141591")
                .jsonPath("$.role").isEqualTo(1)
                .jsonPath("$.meetingRoomId").isEqualTo(created.get("meetingRoomId"));
        get(admin, "/meetingRooms/" + number).expectStatus().isOk().expectBody()
                .jsonPath("$.keychain.length()").isEqualTo(2);

        delete(admin, keychain + "/" + id).expectStatus().isNoContent();
        get(admin, keychain + "/" + id).expectStatus().isNotFound().expectBody()
                .jsonPath("$.errors[0].message").isEqualTo("cannot find meeting key");
    }

    @Test
    void refusesKeysWithoutARoleOrWithACodeInUse() {
        Caller admin = subscriber(root, 1);
        long group = didGroup(admin);
        long first = number(post(admin, "/meetingRooms", Map.of("primaryDidGroupId", group, "keychain",
                List.of(Map.of("accessCode", "2718", "role", 1)))).expectStatus().isCreated(), "meetingNumber");
        long second = room(admin, group);
        String keychain = "/subscribers/" + admin.sid() + "/meetingRooms/" + second + "/keychain";
        post(admin, keychain, Map.of("accessCode", "999")).expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("role");
        post(admin, keychain, Map.of("accessCode", "2718", "role", 2)).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.errors[0].reference_sid").isEqualTo(Long.toString(first));
        post(admin, keychain, Map.of("accessCode", "12a", "role", 2)).expectStatus().isEqualTo(422);
    }

    @Test
    void keysOfAnotherSubscribersRoomAreNotFound() {
        Caller admin = subscriber(root, 1);
        Caller user = subscriber(admin, 3);
        long number = room(user, didGroup(admin));
        get(admin, "/subscribers/" + admin.sid() + "/meetingRooms/" + number + "/keychain").expectStatus()
                .isNotFound();
        get(admin, "/subscribers/" + user.sid() + "/meetingRooms/" + number + "/keychain").expectStatus().isOk();
        Caller stranger = subscriber(root, 3);
        post(stranger, "/subscribers/" + user.sid() + "/meetingRooms/" + number + "/keychain", Map.of("role", 1))
                .expectStatus().isNotFound();
    }
}
