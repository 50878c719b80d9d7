package org.conference.provisioning.api;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Every path under {@code /subscribers/{sid}} answers 404 to a caller who may not see that subscriber, exactly as
 * {@code GET /subscribers/{sid}} does: never an empty list that confirms nothing yet reveals the path is served.
 */
class SubscriberScopedVisibilityTest extends ApiTestSupport {

    @Test
    void aSubscriberTheCallerMayNotSeeIsNotFoundOnAnyPathBelowIt() {
        Caller admin = subscriber(root, 1);
        Caller owner = subscriber(admin, 3);
        long group = didGroup(admin);
        long room = room(owner, group);
        String rooms = "/subscribers/" + owner.sid() + "/meetingRooms";
        String keychain = rooms + "/" + room + "/keychain";
        long key = number(post(owner, keychain, Map.of("role", 2)).expectStatus().isOk(), "id");

        for (Caller stranger : new Caller[] {subscriber(root, 3), subscriber(admin, 3), subscriber(root, 1)}) {
            get(stranger, "/subscribers/" + owner.sid()).expectStatus().isNotFound();
            notFound(get(stranger, rooms));
            notFound(get(stranger, rooms + "?filter=meetingNumber eq " + room));
            notFound(get(stranger, rooms + "/" + room));
            notFound(put(stranger, rooms + "/" + room, Map.of("description", "taken over")));
            notFound(delete(stranger, rooms + "/" + room));
            notFound(post(stranger, rooms, Map.of("primaryDidGroupId", group)));
            notFound(get(stranger, keychain));
            notFound(get(stranger, keychain + "/" + key));
            notFound(post(stranger, keychain, Map.of("role", 1)));
            notFound(put(stranger, keychain + "/" + key, Map.of("role", 1)));
            notFound(delete(stranger, keychain + "/" + key));
        }
        get(owner, rooms + "/" + room).expectStatus().isOk().expectBody().jsonPath("$.description").isEqualTo("");
        get(admin, rooms).expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(1);
        get(owner, keychain).expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(1);
    }

    @Test
    void anUnknownSubscriberIsNotFoundLikeAnInvisibleOne() {
        Caller admin = subscriber(root, 1);
        notFound(get(admin, "/subscribers/no-such-subscriber-sid-000000000000/meetingRooms"));
    }

    private static void notFound(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec response) {
        response.expectStatus().isNotFound().expectBody()
                .jsonPath("$.message").isEqualTo("no item error")
                .jsonPath("$.errors[0].message").isEqualTo("cannot find subscriber");
    }
}
