package org.conference.callback.operations;

import java.util.List;

import org.conference.common.api.ApiException;
import org.conference.common.identity.Identity;
import org.conference.common.identity.Role;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * ARCHITECTURE.md §3.5 for deliveries and endpoints, owned by the subscriber whose callback they are: it and the
 * administrators above it see and act on them, operators above it only see them, everyone else gets 404.
 */
final class Visibility {

    private Visibility() {
    }

    static Criteria visible(Identity caller) {
        return switch (caller.role()) {
            case SERVICE -> new Criteria();
            case ADMINISTRATOR, OPERATOR -> Criteria.where("ownerLineage").is(caller.sid());
            case USER -> Criteria.where("subscriberSid").is(caller.sid());
        };
    }

    /** What a caller may replay or enable: operators only their own. */
    static Criteria changeable(Identity caller) {
        return caller.role() == Role.OPERATOR ? Criteria.where("subscriberSid").is(caller.sid()) : visible(caller);
    }

    static <T> T requireVisible(Identity caller, T object, String ownerSid, List<String> ownerLineage, String thing) {
        if (object == null || !(caller.role() == Role.SERVICE || caller.reaches(ownerSid, ownerLineage))) {
            throw ApiException.notFound(thing);
        }
        return object;
    }

    static void requireChangeable(Identity caller, String ownerSid) {
        if (caller.role() == Role.OPERATOR && !caller.sid().equals(ownerSid)) {
            throw ApiException.forbidden();
        }
    }
}
