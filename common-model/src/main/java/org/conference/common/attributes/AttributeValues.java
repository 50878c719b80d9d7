package org.conference.common.attributes;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules a value must follow for its attribute type. Returns the value in its canonical string form (the API
 * always answers attribute values as strings) or the reason it is refused.
 */
final class AttributeValues {

    private static final Pattern DTMF = Pattern.compile("[0-9*#A-D]{1,16}");
    private static final Pattern CALLS_PER_ROLE = Pattern.compile("-?\\d{1,6}:-?\\d{1,6}:-?\\d{1,6}");
    private static final int MAX_TEXT = 1024;
    private static final String ROLE_ORDER = "hpl";

    /** Canonical value, or empty with {@code reason} filled in. */
    static Result check(AttributeDefinition attribute, Object raw) {
        if (raw == null) {
            return Result.refused("value is required");
        }
        if (!(raw instanceof String || raw instanceof Number || raw instanceof Boolean)) {
            return Result.refused("value must be a string or a number");
        }
        String text = raw instanceof Number number ? numberText(number) : raw.toString();
        if (text == null) {
            return Result.refused("value must be an integer");
        }
        return switch (attribute.type()) {
            case INT -> integer(text);
            case DTMF -> DTMF.matcher(text).matches() ? Result.ok(text)
                    : Result.refused("value must be 1 to 16 DTMF characters (0-9, *, #, A-D)");
            case ROLE -> roles(text);
            case CHOICE -> choice(attribute, text);
            case STRING, DB_REFERENCE, UPLOAD -> text(attribute, text);
        };
    }

    private static String numberText(Number number) {
        double value = number.doubleValue();
        if (value != Math.rint(value) || Double.isInfinite(value)) {
            return null;
        }
        return Long.toString(number.longValue());
    }

    private static Result integer(String text) {
        try {
            long value = Long.parseLong(text.trim());
            return value < -1 ? Result.refused("value must be an integer of -1 (unlimited) or more")
                    : Result.ok(Long.toString(value));
        } catch (NumberFormatException e) {
            return Result.refused("value must be an integer");
        }
    }

    /** Access-level letters in any order, each at most once; answered in the canonical order h, p, l. */
    private static Result roles(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder canonical = new StringBuilder();
        for (char level : ROLE_ORDER.toCharArray()) {
            long count = lower.chars().filter(c -> c == level).count();
            if (count > 1) {
                return Result.refused("value repeats the access level '" + level + "'");
            }
            if (count == 1) {
                canonical.append(level);
            }
        }
        return canonical.length() == lower.length() ? Result.ok(canonical.toString())
                : Result.refused("value must be access levels h (host), p (participant), l (listener), e.g. hpl");
    }

    private static Result choice(AttributeDefinition attribute, String text) {
        Optional<String> match = attribute.enumValues().stream().filter(v -> v.equalsIgnoreCase(text)).findFirst();
        return match.map(Result::ok)
                .orElseGet(() -> Result.refused("value must be one of " + attribute.enumValuesText()));
    }

    private static Result text(AttributeDefinition attribute, String text) {
        if (text.length() > MAX_TEXT) {
            return Result.refused("value is longer than " + MAX_TEXT + " characters");
        }
        if (attribute.name().equals("conference_maxcallsperrole") && !CALLS_PER_ROLE.matcher(text).matches()) {
            return Result.refused("value must be host:participant:listener limits, e.g. -1:-1:-1");
        }
        return Result.ok(text);
    }

    record Result(String value, String reason) {

        static Result ok(String value) {
            return new Result(value, null);
        }

        static Result refused(String reason) {
            return new Result(null, reason);
        }

        boolean accepted() {
            return reason == null;
        }
    }

    private AttributeValues() {
    }
}
