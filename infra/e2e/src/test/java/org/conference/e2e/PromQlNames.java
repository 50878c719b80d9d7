package org.conference.e2e;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads, as Prometheus would look them up: what is left once string literals,
 * label matchers, ranges and subqueries, grouping clauses, numbers, functions and keywords are taken out.
 * {@code http_server_requests_seconds_bucket} stays a name of its own, as Prometheus stores it.
 */
final class PromQlNames {

    private static final Pattern STRINGS = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])*'|`[^`]*`");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern OFFSETS = Pattern.compile("\\boffset\\s+-?[0-9a-zA-Z_$]+");
    /** Numbers (0.95, 1e3, 0x1f) before names, so that an exponent is not read as one. */
    private static final Pattern NUMBERS = Pattern.compile("(?<![A-Za-z0-9_:])(?:0x[0-9a-fA-F]+|[0-9]+(?:\\.[0-9]*)?"
            + "(?:[eE][+-]?[0-9]+)?|\\.[0-9]+(?:[eE][+-]?[0-9]+)?)");
    private static final Pattern VARIABLES = Pattern.compile("\\$\\{?[A-Za-z0-9_]+}?");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_:][A-Za-z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "inf", "nan", "offset",
            "by", "without", "on", "ignoring", "group_left", "group_right", "atan2");

    private PromQlNames() {
    }

    static Set<String> of(String expression) {
        String rest = STRINGS.matcher(expression).replaceAll(" ");
        rest = MATCHERS.matcher(rest).replaceAll(" ");
        rest = RANGES.matcher(rest).replaceAll(" ");
        rest = GROUPING.matcher(rest).replaceAll(" ");
        rest = OFFSETS.matcher(rest).replaceAll(" ");
        rest = VARIABLES.matcher(rest).replaceAll(" ");
        rest = NUMBERS.matcher(rest).replaceAll(" ");
        Set<String> names = new LinkedHashSet<>();
        Matcher identifiers = IDENTIFIER.matcher(rest);
        while (identifiers.find()) {
            String name = identifiers.group();
            boolean called = rest.substring(identifiers.end()).stripLeading().startsWith("(");
            if (!called && !KEYWORDS.contains(name.toLowerCase())) {
                names.add(name);
            }
        }
        return names;
    }
}
