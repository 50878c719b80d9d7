package org.conference.provisioning.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Bad input gets a 422 naming the field (with the bound, where it is one) and changes nothing: text bounds, control
 * characters, phone numbers, callback targets, JSON types.
 */
class InputHardeningTest extends ApiTestSupport {

    private static final String HUGE = "x".repeat(100_000);

    @Test
    void textFieldsAreBoundedAndTheBoundIsSaid() {
        Caller admin = subscriber(root, 1);
        long group = didGroup(admin);
        long did = did(admin, group);
        long room = room(admin, group);
        refused(post(admin, "/didGroups", Map.of("callFlowId", 3, "name", HUGE)), "name", "at most 128 characters");
        refused(put(admin, "/didGroups/" + group, Map.of("description", HUGE)), "description", "at most 1024");
        refused(put(admin, "/dids/" + did, Map.of("description", HUGE)), "description", "at most 1024");
        refused(put(admin, "/meetingRooms/" + room, Map.of("description", HUGE)), "description", "at most 1024");
        refused(post(admin, "/meetingRooms", Map.of("primaryDidGroupId", group, "description", HUGE)),
                "description", "at most 1024");
        refused(put(admin, "/subscribers/" + admin.sid(), Map.of("firstName", HUGE)), "firstName", "at most 128");
        refused(put(admin, "/subscribers/" + admin.sid(), Map.of("details", HUGE)), "details", "at most 4096");
        refused(put(admin, "/meetingRooms/" + room, Map.of("attributes",
                List.of(Map.of("name", "call_maxduration", "value", HUGE)))), "attributes.value", "at most 1024");

        get(admin, "/didGroups/" + group).expectStatus().isOk().expectBody().jsonPath("$.description").isEqualTo("");
        get(admin, "/dids/" + did).expectStatus().isOk().expectBody().jsonPath("$.description").doesNotExist();
        get(admin, "/subscribers/" + admin.sid()).expectStatus().isOk().expectBody()
                .jsonPath("$.firstName").doesNotExist().jsonPath("$.details").doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nul\u0000", "bell\u0007", "escape\u001b[31m", "del\u007f", "c1\u0085"})
    void controlCharactersAreNeverStored(String text) {
        Caller admin = subscriber(root, 1);
        long group = didGroup(admin);
        refused(put(admin, "/subscribers/" + admin.sid(), Map.of("lastName", text)), "lastName", "control");
        refused(put(admin, "/subscribers/" + admin.sid(), Map.of("details", text)), "details", "control");
        refused(put(admin, "/didGroups/" + group, Map.of("name", text)), "name", "control");
        refused(post(admin, "/meetingRooms", Map.of("primaryDidGroupId", group, "description", text)),
                "description", "control");
        get(admin, "/subscribers/" + admin.sid()).expectStatus().isOk().expectBody()
                .jsonPath("$.lastName").doesNotExist().jsonPath("$.details").doesNotExist();
    }

    @Test
    void anUnpairedSurrogateIsRefused() {
        Caller admin = subscriber(root, 1);
        refused(http.put().uri(BASE + "/subscribers/" + admin.sid())
                .header(org.conference.testsupport.TestIdentities.HEADER, admin.token())
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue("{\"lastName\": \"lone\\ud800\"}").exchange(), "lastName", "control");
    }

    @Test
    void freeTextKeepsTabsAndLineBreaksButOneLineFieldsDoNot() {
        Caller admin = subscriber(root, 1);
        long group = didGroup(admin);
        put(admin, "/subscribers/" + admin.sid(), Map.of("details", "line one\r\n\tline two")).expectStatus().isOk()
                .expectBody().jsonPath("$.details").isEqualTo("line one\r\n\tline two");
        put(admin, "/didGroups/" + group, Map.of("description", "a\nb")).expectStatus().isOk();
        refused(put(admin, "/subscribers/" + admin.sid(), Map.of("firstName", "Ada\nLovelace")), "firstName",
                "line breaks");
        refused(put(admin, "/didGroups/" + group, Map.of("name", "tab\there")), "name", "control");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "12ab", "123", "+", "919747362612345678901234", "++19197473626", "1-800-FLOWERS"})
    void aSubscribersPhoneNumberMustBeAPhoneNumber(String phoneNumber) {
        Caller admin = subscriber(root, 1);
        refused(put(admin, "/subscribers/" + admin.sid(), Map.of("phoneNumber", phoneNumber)), "phoneNumber",
                "phone number");
        get(admin, "/subscribers/" + admin.sid()).expectStatus().isOk().expectBody()
                .jsonPath("$.phoneNumber").doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"9197473626", "+19197473626", "15162065319", "+44 20 7946 0958", "(919) 747-3626"})
    void aSubscribersPhoneNumberIsKeptAsWritten(String phoneNumber) {
        Caller admin = subscriber(root, 1);
        put(admin, "/subscribers/" + admin.sid(), Map.of("phoneNumber", phoneNumber)).expectStatus().isOk()
                .expectBody().jsonPath("$.phoneNumber").isEqualTo(phoneNumber);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/latest/meta-data/", "http://127.0.0.1:8080/hook",
            "http://localhost/hook", "http://10.0.0.5/hook", "http://[::1]/hook", "http://[::ffff:127.0.0.1]/",
            "http://2130706433/", "http://0x7f.1/", "http://192.168.1.10/", "http://user:secret@example.com/hook",
            "ftp://example.com/hook", "https:///hook", "http://metadata.google.internal/"})
    void callbackUrlsThatCouldHitTheServiceNetworkOrNeverBeDeliveredAreRefused(String url) {
        Caller admin = subscriber(root, 1);
        refused(put(admin, "/subscribers/" + admin.sid(), Map.of("eventCallbackUrl", url)), "eventCallbackUrl", "");
        refused(put(admin, "/subscribers/" + admin.sid(), Map.of("callback", Map.of("url", url))), "callback.url", "");
        refused(post(admin, "/subscribers", Map.of("login", "cb-" + UUID.randomUUID().toString().substring(0, 8),
                "password", "password-123", "callback", Map.of("url", url))), "callback.url", "");
        get(admin, "/subscribers/" + admin.sid()).expectStatus().isOk().expectBody()
                .jsonPath("$.callback").doesNotExist();
    }

    @Test
    void aRefusedCallbackSaysWhy() {
        Caller admin = subscriber(root, 1);
        refused(put(admin, "/subscribers/" + admin.sid(), Map.of("eventCallbackUrl", "http://169.254.169.254/")),
                "eventCallbackUrl", "must not target a private, loopback, link-local");
        refused(put(admin, "/subscribers/" + admin.sid(), Map.of("eventCallbackUrl", "https://u:p@example.com/")),
                "eventCallbackUrl", "must not contain credentials");
    }

    @Test
    void valuesOfTheWrongJsonTypeAre422NamingTheField() {
        Caller admin = subscriber(root, 1);
        long group = didGroup(admin);
        refused(put(admin, "/subscribers/" + admin.sid(), Map.of("role", "administrator")), "role", "an integer");
        refused(put(admin, "/subscribers/" + admin.sid(), Map.of("firstName", Map.of("nested", 1))), "firstName",
                "a string");
        refused(post(admin, "/meetingRooms", Map.of("primaryDidGroupId", group, "keychain", "1234")), "keychain",
                "an array");
        refused(post(admin, "/meetingRooms", Map.of("primaryDidGroupId", group, "keychain",
                List.of(Map.of("role", 9)))), "keychain.role", "1 (host)");
    }

    @Test
    void passwordsBcryptCannotHashAreRefusedNotAServerError() {
        Caller admin = subscriber(root, 1);
        refused(put(admin, "/subscribers/" + admin.sid(), Map.of("password", "p".repeat(73))), "password", "72");
        refused(put(admin, "/subscribers/" + admin.sid(), Map.of("password", "é".repeat(40))), "password", "72");
    }

    @Test
    void requiredFieldsCannotBeClearedByAnUpdate() {
        Caller admin = subscriber(root, 1);
        long group = didGroup(admin);
        long room = room(admin, group);
        Map<String, Object> nullName = new HashMap<>();
        nullName.put("name", null);
        refused(put(admin, "/didGroups/" + group, nullName), "name", "is required");
        Map<String, Object> nullNumber = new HashMap<>();
        nullNumber.put("meetingNumber", null);
        refused(put(admin, "/meetingRooms/" + room, nullNumber), "meetingNumber", "is required");
        get(admin, "/meetingRooms/" + room).expectStatus().isOk();
    }

    private static void refused(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec response,
            String field, String messagePart) {
        Map<?, ?> body = response.expectStatus().isEqualTo(422).expectBody(Map.class).returnResult()
                .getResponseBody();
        assertThat(body.get("message")).isEqualTo("object validation error");
        Map<?, ?> error = (Map<?, ?>) ((List<?>) body.get("errors")).get(0);
        assertThat(error.get("field")).isEqualTo(field);
        assertThat((String) error.get("message")).startsWith(field + " ").contains(messagePart);
    }
}
