package org.conference.simulator.calls;

import com.fasterxml.jackson.annotation.JsonValue;

/** Who ended a call: the caller hung up ({@code DELETE /calls/{id}}), or the platform sent {@code hangup}. */
public enum EndedBy {
    CALLER("caller"),
    SERVER("server");

    private final String wireName;

    EndedBy(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
