package org.conference.edge.sip;

/** An SDP stream's direction attribute (RFC 3264 §5.1), from the side that wrote it. */
enum Direction {
    SENDRECV, SENDONLY, RECVONLY, INACTIVE;

    static Direction ofAttribute(String name) {
        for (Direction direction : values()) {
            if (direction.attribute().equalsIgnoreCase(name)) {
                return direction;
            }
        }
        return null;
    }

    String attribute() {
        return name().toLowerCase();
    }

    /** What the answer says to an offer of this direction (RFC 3264 §6.1). */
    Direction answer() {
        return switch (this) {
            case SENDONLY -> RECVONLY;
            case RECVONLY -> SENDONLY;
            default -> this;
        };
    }

    /** The phone holds the call: it sends nothing it wants heard back, or nothing at all. */
    boolean holds() {
        return this == SENDONLY || this == INACTIVE;
    }
}
