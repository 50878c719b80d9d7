package org.conference.simulator.calls;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a simulated call stands. A call rings only until its {@code call.offered} is on Kafka: a real edge answers
 * at once to collect the access code, so the caller is {@code answered} (talking to the platform) from then on, and
 * {@code in-meeting} while a {@code join} has its audio in a meeting's mix.
 */
public enum CallState {
    RINGING("ringing"),
    ANSWERED("answered"),
    IN_MEETING("in-meeting"),
    ENDED("ended");

    private final String wireName;

    CallState(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public static Optional<CallState> fromWireName(String name) {
        return Arrays.stream(values()).filter(state -> state.wireName.equals(name)).findFirst();
    }
}
