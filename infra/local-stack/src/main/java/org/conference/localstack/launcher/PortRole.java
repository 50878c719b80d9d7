package org.conference.localstack.launcher;

import java.util.Arrays;
import java.util.Optional;

/** The ports a process may have, by the key the topology gives them. */
public enum PortRole {

    /** The port it serves on (the API of a service). */
    MAIN("port"),
    /** A service's {@code /actuator/**}: never the API port (ARCHITECTURE.md section 1). */
    MANAGEMENT("management-port"),
    /** The KRaft controller listener of the broker. */
    CONTROLLER("controller-port");

    private final String key;

    PortRole(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<PortRole> ofKey(String key) {
        return Arrays.stream(values()).filter(role -> role.key.equals(key)).findFirst();
    }
}
