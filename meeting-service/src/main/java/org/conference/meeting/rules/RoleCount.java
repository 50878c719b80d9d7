package org.conference.meeting.rules;

import java.util.Collection;

/**
 * How many calls of each role a meeting holds in one place (joined, or waiting for the start), kept as the calls
 * come and go so that limits and "was that the last host?" are answered without walking a 1,000-call roster.
 */
public record RoleCount(int hosts, int participants, int listeners) {

    public static final RoleCount NONE = new RoleCount(0, 0, 0);

    public static RoleCount of(Collection<Participant> calls) {
        RoleCount count = NONE;
        for (Participant call : calls) {
            count = count.plus(call.role());
        }
        return count;
    }

    public int of(int role) {
        return switch (role) {
            case Participant.HOST -> hosts;
            case Participant.PARTICIPANT -> participants;
            case Participant.LISTENER -> listeners;
            default -> 0;
        };
    }

    public int total() {
        return hosts + participants + listeners;
    }

    public RoleCount plus(int role) {
        return by(role, 1);
    }

    public RoleCount minus(int role) {
        return by(role, -1);
    }

    private RoleCount by(int role, int delta) {
        return switch (role) {
            case Participant.HOST -> new RoleCount(hosts + delta, participants, listeners);
            case Participant.PARTICIPANT -> new RoleCount(hosts, participants + delta, listeners);
            case Participant.LISTENER -> new RoleCount(hosts, participants, listeners + delta);
            default -> this;
        };
    }
}
