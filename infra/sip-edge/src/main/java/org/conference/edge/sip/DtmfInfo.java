package org.conference.edge.sip;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The key of a SIP INFO (the fallback to RFC 4733): {@code application/dtmf-relay} carries {@code Signal=5} (some
 * phones write 10 and 11 for {@code *} and {@code #}), {@code application/dtmf} the key alone.
 */
final class DtmfInfo {

    static final String RELAY = "dtmf-relay";
    static final String PLAIN = "dtmf";
    private static final String KEYS = "0123456789*#";

    /** The key pressed; empty when the body names none the platform knows. */
    static Optional<Character> keyOf(String subtype, byte[] body) {
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        String signal = null;
        if (RELAY.equalsIgnoreCase(subtype)) {
            for (String line : text.split("\\r?\\n")) {
                int equals = line.indexOf('=');
                if (equals > 0 && line.substring(0, equals).trim().equalsIgnoreCase("signal")) {
                    signal = line.substring(equals + 1).trim();
                }
            }
        } else if (PLAIN.equalsIgnoreCase(subtype)) {
            signal = text.trim();
        }
        if (signal == null) {
            return Optional.empty();
        }
        String key = switch (signal.toUpperCase(Locale.ROOT)) {
            case "10" -> "*";
            case "11" -> "#";
            default -> signal;
        };
        return key.length() == 1 && KEYS.indexOf(key.charAt(0)) >= 0 ? Optional.of(key.charAt(0)) : Optional.empty();
    }

    private DtmfInfo() {
    }
}
