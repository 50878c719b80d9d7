package org.conference.common.query;

import java.util.Locale;
import java.util.regex.Pattern;

import org.conference.common.query.FilterLexer.Token;

/**
 * Converts one value token to its field's type. Quoting does not change the type ({@code id eq "5"} compares the number
 * 5), but only the bare word {@code null} is null: {@code "null"} is the four-letter string, and an error on a numeric
 * or boolean field. Anything that does not convert is a 400 naming the token, never a silently empty result.
 */
final class ValueCoercion {

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    /** Decimal notation only: Java would also accept "NaN", "Infinity" and hex floats, which no client means. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    static boolean isNull(Token token) {
        return token.kind() == FilterLexer.Kind.WORD && token.value().equalsIgnoreCase("null");
    }

    /** The token's value as the field's type; {@code null} tokens are the caller's business. */
    static Object coerce(FieldSpec field, Token token, String raw) {
        String value = token.value();
        return switch (field.type()) {
            case STRING -> value;
            case INTEGER -> toLong(value, token, raw);
            case NUMBER -> toDouble(value, token, raw);
            case BOOLEAN -> toBoolean(value, token, raw);
        };
    }

    private static Long toLong(String value, Token token, String raw) {
        if (INTEGER.matcher(value).matches()) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException tooLarge) {
                throw QueryErrors.filter("integer out of range", token.start(), raw);
            }
        }
        throw QueryErrors.filter("invalid integer value", token.start(), raw);
    }

    private static Double toDouble(String value, Token token, String raw) {
        if (DECIMAL.matcher(value).matches()) {
            double parsed = Double.parseDouble(value);
            if (Double.isFinite(parsed)) {
                return parsed;
            }
            throw QueryErrors.filter("number out of range", token.start(), raw);
        }
        throw QueryErrors.filter("invalid number value", token.start(), raw);
    }

    private static Boolean toBoolean(String value, Token token, String raw) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw QueryErrors.filter("invalid boolean value", token.start(), raw);
        };
    }

    private ValueCoercion() {
    }
}
