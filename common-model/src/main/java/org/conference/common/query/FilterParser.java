package org.conference.common.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.conference.common.api.ApiException;
import org.conference.common.query.FilterLexer.Kind;
import org.conference.common.query.FilterLexer.Token;

/**
 * A hand-written parser for {@code clause ("and" clause)*}, where a clause is {@code field op value} or
 * {@code field in|notin ( value {, value} )}. Every rejection names the first offending token and its position.
 */
final class FilterParser {

    /** Far beyond any real filter; bounds the work a single request can ask of the parser. */
    static final int MAX_LENGTH = 4096;

    private final String text;
    private final ResourceSchema schema;
    private final FilterLexer lexer;

    FilterParser(String text, ResourceSchema schema) {
        this.text = text;
        this.schema = schema;
        this.lexer = new FilterLexer(text);
    }

    Filter parse() {
        if (text.length() > MAX_LENGTH) {
            throw QueryErrors.filter("filter longer than " + MAX_LENGTH + " characters", MAX_LENGTH,
                    text.substring(MAX_LENGTH));
        }
        List<Condition> conditions = new ArrayList<>();
        if (lexer.peek().kind() == Kind.END) {
            return Filter.NONE;
        }
        while (true) {
            conditions.add(clause());
            Token token = lexer.next();
            if (token.kind() == Kind.END) {
                return new Filter(conditions);
            }
            if (token.kind() == Kind.CLOSE) {
                throw fail("unbalanced parenthesis", token);
            }
            if (!token.isWord("and")) {
                throw fail("expected 'and'", token);
            }
            if (lexer.peek().kind() == Kind.END) {
                throw fail("dangling 'and'", token);
            }
        }
    }

    private Condition clause() {
        FieldSpec field = field(lexer.next());
        Token opToken = lexer.next();
        if (opToken.kind() != Kind.WORD) {
            throw fail(opToken.kind() == Kind.END ? "missing operator" : "expected operator", opToken);
        }
        Operator op = Operator.of(opToken.value()).orElseThrow(() -> fail("unknown operator", opToken));
        if (!op.appliesTo(field)) {
            throw fail("operator not supported on " + describe(field) + " '" + field.name() + "'", opToken);
        }
        return switch (op) {
            case IN, NOTIN -> new Condition.In(field, list(field), op == Operator.NOTIN);
            case LIKE, ILIKE -> new Condition.Like(field, (String) value(field, op), op == Operator.ILIKE);
            case BIT -> bits(field);
            default -> new Condition.Compare(field, op, value(field, op));
        };
    }

    private FieldSpec field(Token token) {
        if (token.kind() != Kind.WORD || token.isWord("and")) {
            throw fail("expected field name", token);
        }
        FieldSpec field = schema.field(token.value()).orElseThrow(() -> fail("unknown field", token));
        if (!field.filterable()) {
            throw fail("field not filterable", token);
        }
        return field;
    }

    /** A single value; {@code null} only where the operator gives it a meaning (eq, ne). */
    private Object value(FieldSpec field, Operator op) {
        Token token = valueToken(lexer.next());
        if (ValueCoercion.isNull(token)) {
            if (op == Operator.EQ || op == Operator.NE) {
                return null;
            }
            throw fail("null not allowed with '" + op.keyword() + "'", token);
        }
        return ValueCoercion.coerce(field, token, lexer.raw(token));
    }

    private List<Object> list(FieldSpec field) {
        Token open = lexer.next();
        if (open.kind() != Kind.OPEN) {
            throw fail(open.kind() == Kind.END ? "missing '('" : "expected '('", open);
        }
        List<Object> values = new ArrayList<>();
        while (true) {
            Token token = valueToken(lexer.next());
            values.add(ValueCoercion.isNull(token) ? null : ValueCoercion.coerce(field, token, lexer.raw(token)));
            Token separator = lexer.next();
            if (separator.kind() == Kind.CLOSE) {
                return values;
            }
            if (separator.kind() == Kind.END) {
                throw fail("unbalanced parenthesis", open);
            }
            if (separator.kind() != Kind.COMMA) {
                throw fail("expected ',' or ')'", separator);
            }
        }
    }

    private Condition bits(FieldSpec field) {
        Token token = valueToken(lexer.next());
        if (ValueCoercion.isNull(token)) {
            throw fail("null not allowed with 'bit'", token);
        }
        long mask = (Long) ValueCoercion.coerce(field, token, lexer.raw(token));
        if (mask < 0 || mask >= 1L << field.bitWidth()) {
            throw fail("bit mask outside 0.." + ((1L << field.bitWidth()) - 1), token);
        }
        return new Condition.BitsAllSet(field, mask);
    }

    private Token valueToken(Token token) {
        return switch (token.kind()) {
            case WORD, QUOTED -> token;
            case END -> throw fail("missing value", token);
            case CLOSE -> throw fail("missing value", token);
            default -> throw fail("expected value", token);
        };
    }

    private static String describe(FieldSpec field) {
        return field.isBitmask() ? "bitmask field" : field.type().name().toLowerCase(Locale.ROOT) + " field";
    }

    private ApiException fail(String what, Token token) {
        return QueryErrors.filter(what, token.start(), lexer.raw(token));
    }
}
