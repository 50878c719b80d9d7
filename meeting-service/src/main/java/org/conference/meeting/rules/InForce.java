package org.conference.meeting.rules;

import java.util.Map;

/**
 * The meeting attributes in force, read the way the catalog types them: role letters ({@code h}, {@code p},
 * {@code l}), {@code on}/{@code off} switches, integers, DTMF sequences. An attribute that is absent or malformed
 * reads as "no behaviour": no roles, off, the fallback number, no sequence.
 */
public record InForce(Map<String, String> values) {

    public String text(String name) {
        String value = values.get(name);
        return value == null ? "" : value.trim();
    }

    public boolean on(String name) {
        return "on".equalsIgnoreCase(text(name));
    }

    public long number(String name, long fallback) {
        try {
            return Long.parseLong(text(name));
        } catch (NumberFormatException notANumber) {
            return fallback;
        }
    }

    /** Whether the role letters of {@code name} include {@code role}. */
    public boolean allows(String name, int role) {
        return hasRole(text(name), role);
    }

    public static boolean hasRole(String letters, int role) {
        String letter = switch (role) {
            case Participant.HOST -> "h";
            case Participant.PARTICIPANT -> "p";
            case Participant.LISTENER -> "l";
            default -> null;
        };
        return letter != null && letters.toLowerCase().contains(letter);
    }
}
