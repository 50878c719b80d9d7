package org.conference.meeting.support;

import org.conference.common.api.ApiException;
import org.conference.common.identity.Identity;
import org.conference.common.identity.Role;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * ARCHITECTURE.md §3.5 for live meetings and calls: the owner of the room sees and controls them; administrators and
 * operators above it see and control them too (operators control live meetings and calls below them). Everyone
 * else gets 404, so a meeting's existence is never revealed.
 */
public final class Access {

    public static boolean canSee(Identity caller, Owned object) {
        return caller.role() == Role.SERVICE || caller.reaches(object.ownerSid(), object.ownerLineage());
    }

    /** The object if the caller may see (and therefore control) it, else 404 "cannot find {thing}". */
    public static <T extends Owned> T require(Identity caller, T object, String thing) {
        if (object == null || !canSee(caller, object)) {
            throw ApiException.notFound(thing);
        }
        return object;
    }

    /** What a caller may list; {@code ownerField} holds the owner's sid, {@code lineageField} its lineage. */
    public static Criteria visible(Identity caller, String ownerField, String lineageField) {
        return switch (caller.role()) {
            case SERVICE -> new Criteria();
            case ADMINISTRATOR, OPERATOR -> Criteria.where(lineageField).is(caller.sid());
            case USER -> Criteria.where(ownerField).is(caller.sid());
        };
    }

    private Access() {
    }
}
