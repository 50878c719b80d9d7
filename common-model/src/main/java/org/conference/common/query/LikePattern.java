package org.conference.common.query;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns a SQL {@code like} pattern into a regular expression both back-ends evaluate identically (Java's
 * {@link Pattern} in memory, PCRE in MongoDB).
 *
 * <p>The pattern is cut at its {@code %} wildcards into segments of literal text and {@code _} (one character). The
 * regex is anchored at the start, so a pattern like {@code 'abc%'} stays a left-anchored prefix MongoDB can answer
 * from an index. Every segment between two {@code %} is an atomic, lazy group {@code (?>.*?segment)}: it commits to
 * the segment's leftmost occurrence, which is always the right choice because segments have a fixed length, and it
 * keeps matching linear where {@code .*a.*a.*a...} would backtrack exponentially (hanging the in-memory evaluator,
 * and making MongoDB's PCRE fail its match limit, i.e. a server error). A last segment after a {@code %} must end the
 * text ({@code .*segment\z}); {@code \z}, because {@code $} would also match before a trailing newline. Literal runs
 * go through {@link Pattern#quote} ({@code \Q...\E}, which PCRE understands too); dot-all makes wildcards match line
 * breaks as well.
 */
final class LikePattern {

    /** The MongoDB {@code $options} for a like ({@code s}) or ilike ({@code si}). */
    static String mongoOptions(boolean ignoreCase) {
        return ignoreCase ? "si" : "s";
    }

    /** The {@link Pattern} flags that mean what {@link #mongoOptions} means to MongoDB (PCRE in UTF mode). */
    static int javaFlags(boolean ignoreCase) {
        return ignoreCase ? Pattern.DOTALL | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : Pattern.DOTALL;
    }

    static String toRegex(String pattern) {
        List<String> segments = segments(pattern);
        StringBuilder regex = new StringBuilder("^").append(segments.get(0));
        int last = segments.size() - 1;
        if (last == 0) {
            return regex.append("\\z").toString();
        }
        for (int i = 1; i < last; i++) {
            if (!segments.get(i).isEmpty()) {
                regex.append("(?>.*?").append(segments.get(i)).append(')');
            }
        }
        return segments.get(last).isEmpty() ? regex.toString() : regex.append(".*").append(segments.get(last))
                .append("\\z").toString();
    }

    /** The regex of each stretch between unescaped {@code %}: one more than there are {@code %}. */
    private static List<String> segments(String pattern) {
        List<String> segments = new ArrayList<>();
        StringBuilder segment = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length() && isSpecial(pattern.charAt(i + 1))) {
                literal.append(pattern.charAt(++i));
            } else if (c == '_') {
                flush(literal, segment).append('.');
            } else if (c == '%') {
                segments.add(flush(literal, segment).toString());
                segment.setLength(0);
            } else {
                literal.append(c);
            }
        }
        segments.add(flush(literal, segment).toString());
        return segments;
    }

    private static boolean isSpecial(char c) {
        return c == '%' || c == '_' || c == '\\';
    }

    private static StringBuilder flush(StringBuilder literal, StringBuilder segment) {
        if (!literal.isEmpty()) {
            segment.append(Pattern.quote(literal.toString()));
            literal.setLength(0);
        }
        return segment;
    }

    private LikePattern() {
    }
}
