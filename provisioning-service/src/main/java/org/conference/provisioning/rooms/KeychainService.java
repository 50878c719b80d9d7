package org.conference.provisioning.rooms;

import java.util.ArrayList;
import java.util.List;

import org.conference.common.api.ApiException;
import org.conference.common.events.MeetingKey;
import org.conference.common.identity.Identity;
import org.conference.common.persistence.OptimisticWrites;
import org.conference.provisioning.rooms.KeychainPlan.RequestedKey;
import org.conference.provisioning.rooms.RoomRequests.MeetingKeyChanges;
import org.conference.provisioning.rooms.RoomRequests.MeetingKeyRequest;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/**
 * One meeting key at a time, on {@code /subscribers/{sid}/meetingRooms/{meetingNumber}/keychain}. A keychain lives
 * inside its room, so each change is a change of the room (one document): the access-code uniqueness and the
 * published room state follow with it.
 */
@Service
class KeychainService {

    private final RoomService rooms;
    private final KeychainPlan keychains;

    KeychainService(RoomService rooms, KeychainPlan keychains) {
        this.rooms = rooms;
        this.keychains = keychains;
    }

    /** The changed room's id and the key as it now stands. */
    record KeyChange(long meetingRoomId, MeetingKey key) {

        static KeyChange of(RoomDocument room, long keyId) {
            return new KeyChange(room.id(), KeychainService.key(room.keychain(), keyId));
        }
    }

    /** The room's keychain, if the caller may read the room. */
    Mono<List<MeetingKey>> keychain(Identity caller, String sid, long meetingNumber) {
        return rooms.find(caller, sid, meetingNumber).map(RoomDocument::keychain);
    }

    Mono<MeetingKey> key(Identity caller, String sid, long meetingNumber, long keyId) {
        return keychain(caller, sid, meetingNumber).map(keychain -> key(keychain, keyId));
    }

    /** A new key; an {@code id} in the request is not the client's to choose and is ignored. */
    Mono<KeyChange> add(Identity caller, String sid, long meetingNumber, MeetingKeyRequest request) {
        RequestedKey requested = new RequestedKey(null, request.accessCode(), request.role());
        Mono<KeyChange> attempt = keychains.newKeys(List.of(requested)).flatMap(created -> {
            MeetingKey fresh = created.get(0);
            return rooms.modify(caller, sid, meetingNumber, current -> {
                List<MeetingKey> keychain = new ArrayList<>(current.keychain());
                keychain.add(requested.accessCode() == null ? freeCode(fresh, current.keychain()) : fresh);
                return Mono.just(current.withKeychain(keychains.complete(keychain)).nextVersion());
            }).map(room -> KeyChange.of(room, fresh.id()));
        });
        // A generated code that another room of the same DID group already uses is simply drawn again.
        return requested.accessCode() != null ? attempt
                : attempt.retryWhen(OptimisticWrites.retries(5, RoomConflicts::isAccessCodeConflict));
    }

    Mono<KeyChange> update(Identity caller, String sid, long meetingNumber, long keyId, MeetingKeyChanges request) {
        return rooms.modify(caller, sid, meetingNumber, current -> {
            MeetingKey existing = key(current.keychain(), keyId);
            String code = request.accessCode().orElse(existing.accessCode());
            int role = request.role().orElse(existing.role());
            List<MeetingKey> keychain = current.keychain().stream()
                    .map(k -> k.id() == keyId ? new MeetingKey(keyId, code, role) : k).toList();
            return Mono.just(current.withKeychain(keychains.complete(keychain)).nextVersion());
        }).map(room -> KeyChange.of(room, keyId));
    }

    Mono<Void> remove(Identity caller, String sid, long meetingNumber, long keyId) {
        return rooms.modify(caller, sid, meetingNumber, current -> {
            key(current.keychain(), keyId);
            List<MeetingKey> keychain = current.keychain().stream().filter(k -> k.id() != keyId).toList();
            return Mono.just(current.withKeychain(keychain).nextVersion());
        }).then();
    }

    private static MeetingKey key(List<MeetingKey> keychain, long keyId) {
        return keychain.stream().filter(k -> k.id() == keyId).findFirst()
                .orElseThrow(() -> ApiException.notFound("meeting key"));
    }

    /** A generated code must not repeat one of the room's own codes. */
    private static MeetingKey freeCode(MeetingKey generated, List<MeetingKey> keychain) {
        boolean clash = keychain.stream().anyMatch(k -> k.accessCode().equals(generated.accessCode()));
        return clash ? new MeetingKey(generated.id(), null, generated.role()) : generated;
    }
}
