package org.conference.provisioning.rooms;

import org.conference.common.api.ApiException;
import org.conference.common.persistence.SoftDeletion;
import org.conference.provisioning.support.UniqueIndexes;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * What a room may not share with another: its meeting number, and an access code with any room reachable from one of
 * its DID groups. The unique indexes decide; the look-up before a write only names the other room for the client.
 */
@Component
class RoomConflicts {

    private static final String ACCESS_CODE_FIELD = "keychain.accessCode";

    private final ReactiveMongoTemplate mongo;

    RoomConflicts(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** 409 naming the room that already answers to one of these access codes through a shared DID group. */
    Mono<Void> requireFreeAccessCodes(RoomDocument room) {
        var others = SoftDeletion.liveWhere(Criteria.where("accessKeys").in(room.accessKeys()).and("_id")
                .ne(room.id()));
        return mongo.findOne(others, RoomDocument.class, RoomDocument.COLLECTION)
                .flatMap(other -> Mono.error(accessCodeTaken(room, other)));
    }

    /** A 409 because an access code is taken (from the look-up or the unique index). */
    static boolean isAccessCodeConflict(Throwable failure) {
        return failure instanceof ApiException api && api.status().value() == 409
                && api.body().errors() != null && ACCESS_CODE_FIELD.equals(api.body().errors().get(0).field());
    }

    static boolean isMeetingNumberTaken(Throwable failure) {
        return failure instanceof DuplicateKeyException
                && UniqueIndexes.isViolated(failure, UniqueIndexes.MEETING_NUMBER);
    }

    /** A duplicate meeting number or access code is a 409; any other unique index is not the client's doing. */
    static Throwable duplicate(DuplicateKeyException failure) {
        if (isMeetingNumberTaken(failure)) {
            return ApiException.conflict("meetingNumber", "meeting number is already taken", null);
        }
        if (UniqueIndexes.isViolated(failure, UniqueIndexes.ACCESS_KEYS)) {
            return ApiException.conflict(ACCESS_CODE_FIELD,
                    "access code is already used by a room reachable from the same DID group", null);
        }
        return failure;
    }

    private static ApiException accessCodeTaken(RoomDocument room, RoomDocument other) {
        String code = room.accessKeys().stream().filter(other.accessKeys()::contains).findFirst()
                .map(RoomDocument::accessCodeOf).orElse("");
        return ApiException.conflict(ACCESS_CODE_FIELD,
                "access code " + code + " is already used by a room reachable from the same DID group",
                Long.toString(other.meetingNumber()));
    }
}
