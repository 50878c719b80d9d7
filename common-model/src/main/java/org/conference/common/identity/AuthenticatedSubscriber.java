package org.conference.common.identity;

import java.util.List;

/**
 * Who the credentials belong to: what the gateway puts in the identity token it forwards. {@code role} is the
 * subscriber role code (1 administrator, 2 operator, 3 regular user); {@code lineage} runs from the root down to
 * {@code sid}.
 */
public record AuthenticatedSubscriber(String sid, String login, int role, List<String> lineage) {

    public Identity identity() {
        return new Identity(sid, Role.ofSubscriberCode(role), lineage);
    }
}
