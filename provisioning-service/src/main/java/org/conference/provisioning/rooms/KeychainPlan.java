package org.conference.provisioning.rooms;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.conference.common.api.ApiException;
import org.conference.common.events.MeetingKey;
import org.conference.provisioning.support.JsonBody;
import org.conference.provisioning.support.RandomIdentifiers;

/**
 * Turns requested meeting keys into a keychain: checks each access code and role, generates a code when one is
 * omitted, and refuses one code twice in a room (a caller typing it could not be told which role they are).
 */
public final class KeychainPlan {

    static final int GENERATED_DIGITS = 6;
    private static final Pattern ACCESS_CODE = Pattern.compile("[0-9]{1,16}");

    private KeychainPlan() {
    }

    public static String accessCode(String field, String code) {
        if (!ACCESS_CODE.matcher(code).matches()) {
            throw ApiException.validation(field, "accessCode must be 1 to 16 digits");
        }
        return code;
    }

    public static int role(String field, long role) {
        if (role < 1 || role > 3) {
            throw ApiException.validation(field, "role must be 1 (host), 2 (participant) or 3 (listener)");
        }
        return (int) role;
    }

    /** A requested key before it has an id: {@code accessCode} null when it is to be generated. */
    public record RequestedKey(Long id, String accessCode, int role) {
    }

    public static RequestedKey requested(JsonBody entry, String field) {
        int role = role(field, entry.integer("role")
                .orElseThrow(() -> ApiException.validation(field, "every meeting key needs a role")));
        String code = entry.string("accessCode").map(c -> accessCode(field, c)).orElse(null);
        return new RequestedKey(entry.integer("id").orElse(null), code, role);
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
