package org.conference.provisioning.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.conference.common.identity.AuthenticatedSubscriber;
import org.conference.testsupport.TestIdentities;
import org.conference.testsupport.WithBackingServices;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Drives provisioning-service over HTTP as the gateway would: each request carries an identity token for a subscriber
 * created through the API itself, starting from the root administrator made at start-up. All API test classes share
 * one application context (and one database), so every test creates its own subscribers and numbers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "conference.admin.login=" + ApiTestSupport.ROOT_LOGIN,
        "conference.admin.password=" + ApiTestSupport.ROOT_PASSWORD,
        "conference.security.bcrypt-strength=4"})
@WithBackingServices
public abstract class ApiTestSupport {

    static final String ROOT_LOGIN = "root";
    static final String ROOT_PASSWORD = "root-password-1";
    static final String BASE = "/conference/v1";

    @Value("${local.server.port}")
    private int port;

    protected WebTestClient http;
    protected Caller root;

    /** A subscriber as the gateway would vouch for it. */
    public record Caller(String sid, int role, List<String> lineage) {
        String token() {
            return TestIdentities.subscriber(sid, role, lineage);
        }
    }

    @BeforeEach
    void connect() {
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
        root = authenticate(ROOT_LOGIN, ROOT_PASSWORD);
    }

    protected Caller authenticate(String login, String password) {
        AuthenticatedSubscriber who = http.post().uri("/internal/v1/authenticate")
                .header(TestIdentities.HEADER, TestIdentities.service("gateway-service"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("login", login, "password", password))
                .exchange().expectStatus().isOk()
                .expectBody(AuthenticatedSubscriber.class).returnResult().getResponseBody();
        return new Caller(who.sid(), who.role(), who.lineage());
    }

    /** A new subscriber of {@code role} created by {@code parent} (an administrator). */
    protected Caller subscriber(Caller parent, int role) {
        String login = "user-" + UUID.randomUUID().toString().substring(0, 12);
        Map<?, ?> created = post(parent, "/subscribers", Map.of("login", login, "password", "password-123",
                "role", role)).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return authenticate((String) created.get("login"), "password-123");
    }

    /**
     * An operator with a subscriber below it. Operators create no subscribers, so this is how one gets descendants:
     * an administrator creates them, then is made an operator by its own administrator.
     */
    protected Caller[] operatorWithChild(Caller admin) {
        Caller future = subscriber(admin, 1);
        Caller child = subscriber(future, 3);
        put(admin, "/subscribers/" + future.sid(), Map.of("role", 2)).expectStatus().isOk();
        return new Caller[] {new Caller(future.sid(), 2, future.lineage()), child};
    }

    protected long didGroup(Caller owner) {
        return number(post(owner, "/didGroups", Map.of("callFlowId", "3", "name", "group " + UUID.randomUUID()))
                .expectStatus().isOk(), "id");
    }

    protected long did(Caller owner, long didGroupId) {
        return number(post(owner, "/dids", Map.of("didGroupId", didGroupId, "phoneNumber", phoneNumber()))
                .expectStatus().isOk(), "id");
    }

    protected long room(Caller owner, long didGroupId) {
        return number(post(owner, "/meetingRooms", Map.of("primaryDidGroupId", didGroupId))
                .expectStatus().isCreated(), "meetingNumber");
    }

    /** A random valid US number (area code 516; a NANP exchange never starts with 0 or 1). */
    protected static String phoneNumber() {
        return "1516" + (2_000_000 + ThreadLocalRandom.current().nextInt(8_000_000));
    }

    protected WebTestClient.ResponseSpec get(Caller caller, String path) {
        return http.get().uri(BASE + path).header(TestIdentities.HEADER, caller.token()).exchange();
    }

    protected WebTestClient.ResponseSpec post(Caller caller, String path, Object body) {
        return http.post().uri(BASE + path).header(TestIdentities.HEADER, caller.token())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    protected WebTestClient.ResponseSpec put(Caller caller, String path, Object body) {
        return http.put().uri(BASE + path).header(TestIdentities.HEADER, caller.token())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    protected WebTestClient.ResponseSpec delete(Caller caller, String path) {
        return http.delete().uri(BASE + path).header(TestIdentities.HEADER, caller.token()).exchange();
    }

    protected static long number(WebTestClient.ResponseSpec response, String field) {
        Map<?, ?> body = response.expectBody(Map.class).returnResult().getResponseBody();
        return ((Number) body.get(field)).longValue();
    }
}
