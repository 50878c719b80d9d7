package org.conference.common.identity;

/** Who the caller is to the system: the subscriber roles of the reference, plus services calling each other. */
public enum Role {
    ADMINISTRATOR(1),
    OPERATOR(2),
    USER(3),
    /** Another service of the platform (ARCHITECTURE.md §3.4); only it may call {@code /internal/**}. */
    SERVICE(0);

    private final int code;

    Role(int code) {
        this.code = code;
    }

    /** The subscriber object's {@code role} value; 0 for {@link #SERVICE}, which has none. */
    public int code() {
        return code;
    }

    public static Role ofSubscriberCode(int code) {
        return switch (code) {
            case 1 -> ADMINISTRATOR;
            case 2 -> OPERATOR;
            case 3 -> USER;
            default -> throw new IllegalArgumentException("unknown subscriber role " + code);
        };
    }

    /** True when a subscriber of this role may hand {@code other} to someone: never a role above its own. */
    public boolean mayGrant(Role other) {
        return this == ADMINISTRATOR && other != SERVICE && other.code >= code;
    }
}
