package org.conference.provisioning.support;

import org.conference.common.api.ApiException;
import org.conference.common.identity.Identity;
import org.conference.common.identity.Role;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * The visibility rules of ARCHITECTURE.md §3.5 for objects owned by a subscriber: the owner sees and changes its
 * own; an administrator also those of every subscriber below it; an operator reads those but changes only its own.
 * Everyone else gets 404, so existence is never revealed. Documents keep their owner's lineage ({@code ownerLineage},
 * root first, owner last) so "below" is one indexed array match.
 */
public final class Access {

    public static boolean canRead(Identity caller, Owned object) {
        return caller.role() == Role.SERVICE || caller.reaches(object.ownerSid(), object.ownerLineage());
    }

    public static boolean canWrite(Identity caller, Owned object) {
        if (caller.role() == Role.SERVICE || caller.sid().equals(object.ownerSid())) {
            return true;
        }
        return caller.role() == Role.ADMINISTRATOR && object.ownerLineage().contains(caller.sid());
    }

    /** 404 when the caller may not see the object, 403 when it may see but not change it. */
    public static void requireWrite(Identity caller, Owned object, String thing) {
        if (!canRead(caller, object)) {
            throw ApiException.notFound(thing);
        }
        if (!canWrite(caller, object)) {
            throw ApiException.forbidden();
        }
    }

    /** The documents a caller may read, for list queries; {@code lineageField} holds the owner's lineage. */
    public static Criteria readable(Identity caller, String ownerField, String lineageField) {
        if (caller.role() == Role.SERVICE) {
            return new Criteria();
        }
        if (caller.role() == Role.ADMINISTRATOR || caller.role() == Role.OPERATOR) {
            return Criteria.where(lineageField).is(caller.sid());
        }
        return Criteria.where(ownerField).is(caller.sid());
    }

    private Access() {
    }
}
