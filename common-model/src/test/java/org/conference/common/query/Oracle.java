package org.conference.common.query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An independent statement of the filter semantics for documents shaped as {@link TestDocuments} makes them, written
 * per field shape rather than by generic path walking, with BigDecimal arithmetic and a hand-written wildcard matcher
 * instead of the evaluator's comparator and regular expressions. {@code ABSENT} stands for a missing field.
 */
final class Oracle {

    static final Object ABSENT = new Object() {
        @Override
        public String toString() {
            return "ABSENT";
        }
    };

    /** The values a path reaches in a generated document. */
    static List<Object> reach(Map<String, Object> doc, String path) {
        List<Object> out = new ArrayList<>();
        switch (path) {
            case "didGroupReferences.didGroupId", "keychain.accessCode", "callback.url" -> {
                String[] parts = path.split("\\.");
                Object outer = doc.containsKey(parts[0]) ? doc.get(parts[0]) : ABSENT;
                if (outer instanceof List<?> list) {
                    list.forEach(element -> out.add(member((Map<?, ?>) element, parts[1])));
                } else {
                    out.add(outer instanceof Map<?, ?> map ? member(map, parts[1]) : ABSENT);
                }
            }
            case "tags" -> {
                Object tags = doc.containsKey("tags") ? doc.get("tags") : ABSENT;
                if (tags instanceof List<?> list) {
                    out.addAll(list);
                } else {
                    out.add(tags);
                }
            }
            default -> out.add(doc.containsKey(path) ? doc.get(path) : ABSENT);
        }
        return out;
    }

    private static Object member(Map<?, ?> map, String key) {
        return map.containsKey(key) ? map.get(key) : ABSENT;
    }

    static boolean matches(Map<String, Object> doc, Condition condition) {
        List<Object> values = reach(doc, condition.field().path());
        if (condition instanceof Condition.Compare c) {
            Operator op = c.op() == Operator.NE ? Operator.EQ : c.op();
            boolean any = values.stream().anyMatch(v -> compare(op, v, c.value()));
            return c.op() == Operator.NE ? !any : any;
        }
        if (condition instanceof Condition.In in) {
            boolean any = values.stream().anyMatch(v -> in.values().stream().anyMatch(w -> compare(Operator.EQ, v, w)));
            return in.negated() != any;
        }
        if (condition instanceof Condition.Like like) {
            return values.stream()
                    .anyMatch(v -> v instanceof String s && wildcard(like.pattern(), s, like.ignoreCase()));
        }
        Condition.BitsAllSet bits = (Condition.BitsAllSet) condition;
        return values.stream().anyMatch(v -> hasBits(v, bits.mask()));
    }

    private static boolean compare(Operator op, Object value, Object wanted) {
        if (wanted == null) {
            return value == null || value == ABSENT;
        }
        Integer c = sameKindCompare(value, wanted);
        if (c == null) {
            return false;
        }
        return switch (op) {
            case EQ -> c == 0;
            case GT -> c > 0;
            case GE -> c >= 0;
            case LT -> c < 0;
            case LE -> c <= 0;
            default -> throw new IllegalArgumentException(op.toString());
        };
    }

    /** null when the two are of different kinds (numbers, strings, booleans). */
    static Integer sameKindCompare(Object value, Object wanted) {
        if (value instanceof Number a && wanted instanceof Number b) {
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString()));
        }
        if (value instanceof String a && wanted instanceof String b) {
            return a.compareTo(b); // generated strings stay in the BMP, where UTF-16 order is code point order
        }
        if (value instanceof Boolean a && wanted instanceof Boolean b) {
            return a.compareTo(b);
        }
        return null;
    }

    private static boolean hasBits(Object value, long mask) {
        if (!(value instanceof Number n)) {
            return false;
        }
        BigDecimal exact = new BigDecimal(n.toString());
        boolean inRange = exact.signum() >= 0 && exact.compareTo(BigDecimal.valueOf(32)) < 0;
        if (!inRange || exact.stripTrailingZeros().scale() > 0) {
            return false;
        }
        long v = exact.longValue();
        return (v & mask) == mask;
    }

    /** SQL like by recursion over characters: % any run, _ one character, backslash escapes the next special. */
    static boolean wildcard(String pattern, String text, boolean ignoreCase) {
        return wildcard(pattern, 0, text, 0, ignoreCase);
    }

    private static boolean wildcard(String p, int i, String t, int j, boolean ignoreCase) {
        if (i == p.length()) {
            return j == t.length();
        }
        char c = p.charAt(i);
        if (c == '%') {
            for (int k = j; k <= t.length(); k++) {
                if (wildcard(p, i + 1, t, k, ignoreCase)) {
                    return true;
                }
            }
            return false;
        }
        if (j == t.length()) {
            return false;
        }
        if (c == '_') {
            return wildcard(p, i + 1, t, j + 1, ignoreCase);
        }
        if (c == '\\' && i + 1 < p.length() && "%_\\".indexOf(p.charAt(i + 1)) >= 0) {
            c = p.charAt(++i);
        }
        return sameChar(c, t.charAt(j), ignoreCase) && wildcard(p, i + 1, t, j + 1, ignoreCase);
    }

    private static boolean sameChar(char a, char b, boolean ignoreCase) {
        return a == b || ignoreCase && (Character.toUpperCase(a) == Character.toUpperCase(b)
                || Character.toLowerCase(a) == Character.toLowerCase(b));
    }

    /** MongoDB's sort rank of a scalar reached by a path: null and missing, numbers, strings, booleans. */
    static int rank(Object value) {
        return value == null || value == ABSENT ? 0 : value instanceof Number ? 1 : value instanceof String ? 2 : 3;
    }

    private Oracle() {
    }
}
