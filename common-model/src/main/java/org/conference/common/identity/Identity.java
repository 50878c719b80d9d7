package org.conference.common.identity;

import java.util.List;

/**
 * The caller of a request as the gateway vouched for it: subscriber sid, role and lineage (sids from the root down to
 * the caller itself). Services decide visibility from this alone (ARCHITECTURE.md §3.5).
 */
public record Identity(String sid, Role role, List<String> lineage) {

    public Identity {
        lineage = List.copyOf(lineage);
    }

    public static Identity service(String name) {
        return new Identity(name, Role.SERVICE, List.of(name));
    }

    /**
     * True when an object owned by {@code ownerSid}, whose owner has {@code ownerLineage}, is within the caller's
     * reach: its own, or (for administrators and operators) one of a subscriber below it.
     */
    public boolean reaches(String ownerSid, List<String> ownerLineage) {
        if (sid.equals(ownerSid)) {
            return true;
        }
        return (role == Role.ADMINISTRATOR || role == Role.OPERATOR) && ownerLineage.contains(sid);
    }
}
