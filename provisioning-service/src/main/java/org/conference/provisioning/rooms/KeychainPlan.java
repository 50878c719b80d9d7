package org.conference.provisioning.rooms;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.conference.common.api.ApiException;
import org.conference.common.events.MeetingKey;
import org.conference.provisioning.rooms.RoomRequests.MeetingKeyRequest;
import org.conference.provisioning.support.RandomIdentifiers;

/**
 * Turns requested meeting keys (each already checked by its request's constraints) into a keychain: generates a code
 * when one is omitted, and refuses one code twice in a room (a caller typing it could not be told which role they
 * are).
 */
public final class KeychainPlan {

    static final int GENERATED_DIGITS = 6;

    private KeychainPlan() {
    }

    /** A requested key before it has an id: {@code accessCode} null when it is to be generated. */
    public record RequestedKey(Long id, String accessCode, int role) {
    }

    public static RequestedKey requested(MeetingKeyRequest request) {
        return new RequestedKey(request.id(), request.accessCode(), request.role());
    }

    /** Fills in generated codes, avoiding the codes the room already uses; refuses duplicates among given codes. */
    public static List<MeetingKey> complete(List<MeetingKey> keys, RandomIdentifiers random) {
        Set<String> used = new HashSet<>();
        for (MeetingKey key : keys) {
            if (key.accessCode() != null && !used.add(key.accessCode())) {
                throw ApiException.validation("keychain", "access code " + key.accessCode() + " is used twice");
            }
        }
        List<MeetingKey> completed = new ArrayList<>();
        for (MeetingKey key : keys) {
            String code = key.accessCode();
            while (code == null || (!code.equals(key.accessCode()) && !used.add(code))) {
                code = random.accessCode(GENERATED_DIGITS);
            }
            completed.add(new MeetingKey(key.id(), code, key.role()));
        }
        return completed;
    }
}
