package org.conference.provisioning.keychain;

import java.util.ArrayList;
import java.util.List;

import org.conference.common.api.ApiException;
import org.conference.common.events.MeetingKey;
import org.conference.common.identity.Identity;
import org.conference.provisioning.rooms.KeychainPlan;
import org.conference.provisioning.rooms.RoomDocument;
import org.conference.provisioning.rooms.RoomService;
import org.conference.provisioning.outbox.StateWrites;
import org.conference.provisioning.rooms.RoomRequests.MeetingKeyChanges;
import org.conference.provisioning.rooms.RoomRequests.MeetingKeyRequest;
import org.conference.provisioning.support.RandomIdentifiers;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/**
 * One meeting key at a time, on {@code /subscribers/{sid}/meetingRooms/{meetingNumber}/keychain}. Each change is a
 * change of the room (one document), so the access-code uniqueness and the published room state follow with it.
 */
@Service
class KeychainService {

    private final RoomService rooms;
    private final RandomIdentifiers random;

    KeychainService(RoomService rooms, RandomIdentifiers random) {
        this.rooms = rooms;
        this.random = random;
    }

    /** The changed room and the key as it now stands. */
    record KeyChange(RoomDocument room, MeetingKey key) {
    }

    Mono<RoomDocument> room(Identity caller, String sid, long meetingNumber) {
        return rooms.find(caller, sid, meetingNumber);
    }

    /** A new key; an {@code id} in the request is not the client's to choose and is ignored. */
    Mono<KeyChange> add(Identity caller, String sid, long meetingNumber, MeetingKeyRequest request) {
        KeychainPlan.RequestedKey requested = new KeychainPlan.RequestedKey(null, request.accessCode(), request.role());
        Mono<KeyChange> attempt = rooms.newKeys(List.of(requested)).flatMap(created -> {
            MeetingKey fresh = created.get(0);
            return rooms.modify(caller, sid, meetingNumber, current -> {
                List<MeetingKey> keychain = new ArrayList<>(current.keychain());
                keychain.add(requested.accessCode() == null ? freeCode(fresh, current) : fresh);
                return Mono.just(RoomService.changed(current, current.meetingNumber(), current.description(),
                        current.primaryDidGroupId(), current.didGroupReferences(),
                        KeychainPlan.complete(keychain, random), current.attributes(), false));
            }).map(room -> new KeyChange(room, key(room, fresh.id())));
        });
        // A generated code that another room of the same DID group already uses is simply drawn again.
        return requested.accessCode() != null ? attempt
                : attempt.retryWhen(StateWrites.retries(5, RoomService::isAccessCodeConflict));
    }

    Mono<KeyChange> update(Identity caller, String sid, long meetingNumber, long keyId, MeetingKeyChanges request) {
        return rooms.modify(caller, sid, meetingNumber, current -> {
            MeetingKey existing = key(current, keyId);
            String code = request.accessCode().orElse(existing.accessCode());
            int role = request.role().orElse(existing.role());
            List<MeetingKey> keychain = current.keychain().stream()
                    .map(k -> k.id() == keyId ? new MeetingKey(keyId, code, role) : k).toList();
            return Mono.just(RoomService.changed(current, current.meetingNumber(), current.description(),
                    current.primaryDidGroupId(), current.didGroupReferences(), KeychainPlan.complete(keychain, random),
                    current.attributes(), false));
        }).map(room -> new KeyChange(room, key(room, keyId)));
    }

    Mono<Void> remove(Identity caller, String sid, long meetingNumber, long keyId) {
        return rooms.modify(caller, sid, meetingNumber, current -> {
            key(current, keyId);
            List<MeetingKey> keychain = current.keychain().stream().filter(k -> k.id() != keyId).toList();
            return Mono.just(RoomService.changed(current, current.meetingNumber(), current.description(),
                    current.primaryDidGroupId(), current.didGroupReferences(), keychain, current.attributes(),
                    false));
        }).then();
    }

    static MeetingKey key(RoomDocument room, long keyId) {
        return room.keychain().stream().filter(k -> k.id() == keyId).findFirst()
                .orElseThrow(() -> ApiException.notFound("meeting key"));
    }

    /** A generated code must not repeat one of the room's own codes. */
    private static MeetingKey freeCode(MeetingKey generated, RoomDocument room) {
        boolean clash = room.keychain().stream().anyMatch(k -> k.accessCode().equals(generated.accessCode()));
        return clash ? new MeetingKey(generated.id(), null, generated.role()) : generated;
    }
}
