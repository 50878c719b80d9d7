package org.conference.localstack.launcher;

import java.util.Arrays;

/** What a process of the topology is, which decides how it is prepared, when it counts as up and when it stops. */
public enum ProcessKind {

    /** The real Kafka broker in KRaft combined mode: up when its listener and controller ports answer. */
    KAFKA("kafka", true),
    /** The MongoDB-wire server: up when its port answers. */
    MONGO("mongo", true),
    /** A Spring Boot service: up when {@code /actuator/health} on its management port says UP. */
    SERVICE("service", false);

    private final String label;
    private final boolean infrastructure;

    ProcessKind(String label, boolean infrastructure) {
        this.label = label;
        this.infrastructure = infrastructure;
    }

    /** Infrastructure starts before and stops after every service. */
    public boolean infrastructure() {
        return infrastructure;
    }

    public String label() {
        return label;
    }

    public static ProcessKind of(String label) {
        return Arrays.stream(values()).filter(kind -> kind.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown kind '" + label + "' (one of kafka, mongo, service)"));
    }
}
