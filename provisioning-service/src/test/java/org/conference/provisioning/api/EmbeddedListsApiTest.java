package org.conference.provisioning.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;

/**
 * Lists whose objects embed others (a subscriber's {@code meetingRooms}, a DID group's {@code dids}) show each object
 * exactly its own live ones, as reading each object alone does.
 */
class EmbeddedListsApiTest extends ApiTestSupport {

    @Test
    void aListOfSubscribersShowsEachOneItsOwnRooms() {
        Caller admin = subscriber(root, 1);
        long group = didGroup(admin);
        Caller one = subscriber(admin, 3);
        Caller two = subscriber(admin, 3);
        Caller none = subscriber(admin, 3);
        long onlyRoom = room(one, group);
        long kept = room(two, group);
        long deleted = room(two, group);
        delete(two, "/meetingRooms/" + deleted).expectStatus().isNoContent();

        Map<String, List<Long>> roomsBySid = listed(admin, "/subscribers?filter=parentSid eq " + admin.sid(),
                "subscribers", "sid", "meetingRooms", "meetingNumber");

        assertThat(roomsBySid).containsOnlyKeys(one.sid(), two.sid(), none.sid());
        assertThat(roomsBySid.get(one.sid())).containsExactly(onlyRoom);
        assertThat(roomsBySid.get(two.sid())).containsExactly(kept);
        assertThat(roomsBySid.get(none.sid())).isEmpty();
        get(admin, "/subscribers/" + two.sid()).expectStatus().isOk().expectBody()
                .jsonPath("$.meetingRooms.length()").isEqualTo(1)
                .jsonPath("$.meetingRooms[0].meetingNumber").isEqualTo(kept);
    }

    @Test
    void aListOfDidGroupsShowsEachOneItsOwnDids() {
        Caller admin = subscriber(root, 1);
        long first = didGroup(admin);
        long second = didGroup(admin);
        long empty = didGroup(admin);
        long inFirst = did(admin, first);
        long inSecond = did(admin, second);
        long removed = did(admin, second);
        delete(admin, "/dids/" + removed).expectStatus().isNoContent();

        Map<String, List<Long>> didsByGroup = listed(admin, "/didGroups", "didGroups", "id", "dids", "id");

        assertThat(didsByGroup).containsOnlyKeys(String.valueOf(first), String.valueOf(second), String.valueOf(empty));
        assertThat(didsByGroup.get(String.valueOf(first))).containsExactly(inFirst);
        assertThat(didsByGroup.get(String.valueOf(second))).containsExactly(inSecond);
        assertThat(didsByGroup.get(String.valueOf(empty))).isEmpty();
    }

    /** Each listed object by {@code key}, with the {@code embeddedId} of every object it embeds. */
    private Map<String, List<Long>> listed(Caller caller, String path, String plural, String key, String embedded,
            String embeddedId) {
        Map<String, Object> body = get(caller, path).expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) body.get(plural);
        return items.stream().collect(Collectors.toMap(item -> String.valueOf(item.get(key)),
                item -> ((List<?>) item.get(embedded)).stream()
                        .map(entry -> ((Number) ((Map<?, ?>) entry).get(embeddedId)).longValue())
                        .toList()));
    }
}
