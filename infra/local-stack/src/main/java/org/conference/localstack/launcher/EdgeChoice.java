package org.conference.localstack.launcher;

import java.util.Locale;

/**
 * Which edge takes the phone calls ({@code --edge}): the simulator (calls placed over HTTP), the SIP edge (real
 * softphones) or both side by side (each ignores the other's calls). A process of the topology names the edge it is
 * with {@code <name>.edge}; a process without that key is no edge and always starts.
 */
public enum EdgeChoice {
    SIMULATOR, SIP, BOTH;

    public static EdgeChoice of(String value) {
        for (EdgeChoice choice : values()) {
            if (choice.key().equals(value)) {
                return choice;
            }
        }
        throw new LaunchException("--edge takes simulator, sip or both, not '" + value + "'", 2);
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a process that is the edge {@code edge} (null: no edge) starts with this choice. */
    public boolean starts(String edge) {
        return edge == null || this == BOTH || key().equals(edge);
    }
}
