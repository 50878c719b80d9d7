package org.conference.common.query;

/**
 * One field a resource exposes to the query language.
 *
 * @param name       the API name clients write in {@code filter} and {@code order}, dotted for nested fields
 * @param path       the document path in MongoDB and in in-memory documents; a dotted path matches any element of an
 *                   array it crosses, on both back-ends
 * @param type       what filter values are converted to
 * @param filterable whether {@code filter} may name it
 * @param sortable   whether {@code order} may name it
 * @param bitWidth   for bitmask fields, how many low bits the stored values use (values lie in
 *                   {@code [0, 2^bitWidth)}); 0 for fields that do not accept the {@code bit} operator
 */
public record FieldSpec(String name, String path, FieldType type, boolean filterable, boolean sortable, int bitWidth) {

    /** Wide enough for every bitmask of the reference (capabilities use 5 bits), small enough to enumerate. */
    static final int MAX_BIT_WIDTH = 10;

    public FieldSpec {
        requireName(name, "name");
        requireName(path, "path");
        if (path.startsWith("$") || path.contains(".$")) {
            throw new IllegalArgumentException("path must not name a Mongo operator: " + path);
        }
        if (type == null) {
            throw new IllegalArgumentException("type is required for " + name);
        }
        if (bitWidth < 0 || bitWidth > MAX_BIT_WIDTH || (bitWidth > 0 && type != FieldType.INTEGER)) {
            throw new IllegalArgumentException(
                    "bitWidth must be 1.." + MAX_BIT_WIDTH + " on an INTEGER field: " + name);
        }
    }

    public boolean isBitmask() {
        return bitWidth > 0;
    }

    /** Names must survive the filter lexer as one bare word, and paths must not have empty segments. */
    private static void requireName(String value, String what) {
        if (value == null || value.isEmpty() || value.startsWith(".") || value.endsWith(".") || value.contains("..")) {
            throw new IllegalArgumentException("invalid field " + what + ": " + value);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c) || c == '(' || c == ')' || c == ',' || c == '"' || c == '\'') {
                throw new IllegalArgumentException("invalid field " + what + ": " + value);
            }
        }
    }
}
