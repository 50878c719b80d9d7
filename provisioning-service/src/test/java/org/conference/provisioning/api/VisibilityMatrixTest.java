package org.conference.provisioning.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ARCHITECTURE.md §3.5, role × resource × verb. The hierarchy: root → administrator → operator → owner (a regular
 * user who owns one of each object), plus a sibling of the operator under the same administrator and an outsider
 * under root. Those who may not see an object get 404; those who see but may not change it get 403.
 */
class VisibilityMatrixTest extends ApiTestSupport {

    enum Actor { OWNER, ADMINISTRATOR, OPERATOR, SIBLING, OUTSIDER }

    enum Resource { SUBSCRIBER, DID_GROUP, DID, MEETING_ROOM, MEETING_KEY }

    enum Verb { GET, PUT, DELETE }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Resource resource : Resource.values()) {
            for (Verb verb : Verb.values()) {
                cases.add(Arguments.of(Actor.OWNER, resource, verb, ownerExpects(resource, verb)));
                cases.add(Arguments.of(Actor.ADMINISTRATOR, resource, verb, adminExpects(resource, verb)));
                cases.add(Arguments.of(Actor.OPERATOR, resource, verb, verb == Verb.GET ? 200 : 403));
                cases.add(Arguments.of(Actor.SIBLING, resource, verb, 404));
                cases.add(Arguments.of(Actor.OUTSIDER, resource, verb, 404));
            }
        }
        return cases.stream();
    }

    private static int ownerExpects(Resource resource, Verb verb) {
        if (verb == Verb.GET || verb == Verb.PUT) {
            return 200;
        }
        return resource == Resource.SUBSCRIBER ? 403 : 204;
    }

    private static int adminExpects(Resource resource, Verb verb) {
        if (verb == Verb.GET || verb == Verb.PUT) {
            return 200;
        }
        // The owner still holds a DID group and a room: deleting it is refused as a conflict, after authorization.
        return resource == Resource.SUBSCRIBER ? 409 : 204;
    }

    @ParameterizedTest(name = "{0} {2} {1} -> {3}")
    @MethodSource("matrix")
    void answersAsTheRulesSay(Actor actor, Resource resource, Verb verb, int expected) {
        Caller admin = subscriber(root, 1);
        Caller[] operatorAndOwner = operatorWithChild(admin);
        Caller owner = operatorAndOwner[1];
        Caller sibling = subscriber(admin, 3);
        Caller outsider = subscriber(root, 3);
        long group = didGroup(owner);
        long did = did(owner, group);
        long room = room(owner, group);
        String roomPath = "/subscribers/" + owner.sid() + "/meetingRooms/" + room;
        long key = number(post(owner, roomPath + "/keychain", Map.of("role", 2)).expectStatus().isOk(), "id");

        Caller caller = switch (actor) {
            case OWNER -> owner;
            case ADMINISTRATOR -> admin;
            case OPERATOR -> operatorAndOwner[0];
            case SIBLING -> sibling;
            case OUTSIDER -> outsider;
        };
        String path = switch (resource) {
            case SUBSCRIBER -> "/subscribers/" + owner.sid();
            case DID_GROUP -> "/didGroups/" + group;
            case DID -> "/dids/" + did;
            case MEETING_ROOM -> "/meetingRooms/" + room;
            case MEETING_KEY -> roomPath + "/keychain/" + key;
        };
        if (resource == Resource.DID_GROUP && verb == Verb.DELETE) {
            // A group in use cannot be deleted (409): free it first, as its owner, to test authorization alone.
            delete(owner, "/dids/" + did).expectStatus().isNoContent();
            delete(owner, "/meetingRooms/" + room).expectStatus().isNoContent();
        }
        Map<String, Object> change = resource == Resource.MEETING_KEY ? Map.of("role", 3)
                : resource == Resource.SUBSCRIBER ? Map.of("firstName", "changed") : Map.of("description", "changed");
        var response = switch (verb) {
            case GET -> get(caller, path);
            case PUT -> put(caller, path, change);
            case DELETE -> delete(caller, path);
        };
        response.expectStatus().isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} lists {1}")
    @MethodSource("lists")
    void listsShowExactlyWhatTheCallerMaySee(Actor actor, String list, int expectedTotal) {
        Caller admin = subscriber(root, 1);
        Caller[] operatorAndOwner = operatorWithChild(admin);
        Caller owner = operatorAndOwner[1];
        long group = didGroup(owner);
        did(owner, group);
        room(owner, group);
        Caller caller = switch (actor) {
            case OWNER -> owner;
            case ADMINISTRATOR -> admin;
            case OPERATOR -> operatorAndOwner[0];
            case SIBLING -> subscriber(admin, 3);
            case OUTSIDER -> subscriber(root, 3);
        };
        get(caller, list).expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(expectedTotal);
    }

    static Stream<Arguments> lists() {
        return Stream.of(
                Arguments.of(Actor.OWNER, "/didGroups", 1), Arguments.of(Actor.OWNER, "/dids", 1),
                Arguments.of(Actor.OWNER, "/meetingRooms", 1), Arguments.of(Actor.OWNER, "/subscribers", 1),
                Arguments.of(Actor.OPERATOR, "/meetingRooms", 1), Arguments.of(Actor.OPERATOR, "/subscribers", 2),
                Arguments.of(Actor.ADMINISTRATOR, "/dids", 1), Arguments.of(Actor.ADMINISTRATOR, "/subscribers", 3),
                Arguments.of(Actor.SIBLING, "/meetingRooms", 0), Arguments.of(Actor.SIBLING, "/didGroups", 0),
                Arguments.of(Actor.OUTSIDER, "/dids", 0), Arguments.of(Actor.OUTSIDER, "/subscribers", 1));
    }
}
