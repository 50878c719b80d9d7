package org.conference.provisioning.api;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A deletion flags its target before looking for dependents; a create writes its dependent before checking the
 * target. Here the deletion is frozen between those two steps (the flag is set by hand) to show the create backs out,
 * so that whichever way the two interleave, nothing is left pointing at a deleted object.
 */
class DeletionRaceTest extends ApiTestSupport {

    @Autowired
    private ReactiveMongoTemplate mongo;

    private void flagAsBeingDeleted(String collection, Object id) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("deleting", true), collection)
                .block();
    }

    @Test
    void aRoomCreatedWhileItsDidGroupIsBeingDeletedIsTakenBack() {
        Caller admin = subscriber(root, 1);
        long group = didGroup(admin);
        flagAsBeingDeleted("didGroups", group);
        post(admin, "/meetingRooms", Map.of("primaryDidGroupId", group, "keychain",
                List.of(Map.of("accessCode", "9191", "role", 1)))).expectStatus().isEqualTo(422);
        get(admin, "/meetingRooms?filter=primaryDidGroupId eq " + group).expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(0);
    }

    @Test
    void aDidCreatedWhileItsGroupIsBeingDeletedIsTakenBackAndItsNumberReleased() {
        Caller admin = subscriber(root, 1);
        long group = didGroup(admin);
        flagAsBeingDeleted("didGroups", group);
        String number = phoneNumber();
        post(admin, "/dids", Map.of("didGroupId", group, "phoneNumber", number)).expectStatus().isEqualTo(422);
        post(admin, "/dids", Map.of("didGroupId", didGroup(admin), "phoneNumber", number)).expectStatus().isOk();
    }

    @Test
    void aDidGroupCreatedWhileItsOwnerIsBeingDeletedIsTakenBack() {
        Caller admin = subscriber(root, 1);
        Caller user = subscriber(admin, 3);
        flagAsBeingDeleted("subscribers", user.sid());
        post(user, "/didGroups", Map.of("callFlowId", 3, "name", "late")).expectStatus().isNotFound();
        get(admin, "/didGroups").expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
    }

    @Test
    void aRefusedDeletionLeavesTheGroupUsable() {
        Caller admin = subscriber(root, 1);
        long group = didGroup(admin);
        did(admin, group);
        delete(admin, "/didGroups/" + group).expectStatus().isEqualTo(409);
        room(admin, group);
    }
}
