package org.conference.common.query;

/**
 * The type a filter value is converted to before it is compared. Documents may store any numeric Java type in a numeric
 * field; comparison is by numeric value, as MongoDB compares numbers of different BSON types.
 */
public enum FieldType {
    /** Text; compared by Unicode code point, as MongoDB compares strings without a collation. */
    STRING,
    /** A whole number, carried as {@code long} in the AST. */
    INTEGER,
    /** A finite floating-point number, carried as {@code double} in the AST. */
    NUMBER,
    /** {@code true} or {@code false}. */
    BOOLEAN
}
