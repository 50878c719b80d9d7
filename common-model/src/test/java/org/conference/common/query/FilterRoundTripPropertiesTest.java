package org.conference.common.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random conditions, written out with every spelling the language allows (operator and keyword case, bare or quoted
 * values in either quote style with either escape, any whitespace), parse back to exactly those conditions.
 */
class FilterRoundTripPropertiesTest {

    /** Filter text and the conditions it must parse to. */
    record Written(String text, List<Condition> expected) {
    }

    private static final String NASTY = "ab Z09 _%\\\"'(),.\t\n\u00e9\u4e2d\uD83D\uDE00";

    @Provide
    Arbitrary<Written> writtenFilters() {
        return Arbitraries.randomValue(random -> new Writer(random).filter());
    }

    @Property(tries = 1500)
    void writtenConditionsParseBackExactly(@ForAll("writtenFilters") Written written) {
        assertThat(Filter.parse(written.text(), TestSchemas.ROOMS).conditions())
                .as("parsing %s", written.text()).isEqualTo(written.expected());
    }

    private record Writer(Random random) {

        Written filter() {
            StringBuilder text = new StringBuilder(space(false));
            List<Condition> expected = new ArrayList<>();
            for (int i = 1 + random.nextInt(4); i > 0; i--) {
                if (!expected.isEmpty()) {
                    text.append(space(true)).append(spell("and")).append(space(true));
                }
                expected.add(clause(text));
            }
            return new Written(text.append(space(false)).toString(), expected);
        }

        private Condition clause(StringBuilder text) {
            List<String> names = TestSchemas.FILTERABLE;
            FieldSpec field = TestSchemas.field(names.get(random.nextInt(names.size())));
            List<Operator> ops = new ArrayList<>();
            for (Operator op : Operator.values()) {
                if (op.appliesTo(field)) {
                    ops.add(op);
                }
            }
            Operator op = ops.get(random.nextInt(ops.size()));
            text.append(field.name()).append(space(true)).append(spell(op.keyword())).append(space(true));
            return switch (op) {
                case IN, NOTIN -> list(field, op, text);
                case LIKE, ILIKE -> new Condition.Like(field, (String) value(field, false, text), op == Operator.ILIKE);
                case BIT -> new Condition.BitsAllSet(field, (Long) bitmask(text));
                default -> new Condition.Compare(field, op, value(field, op == Operator.EQ || op == Operator.NE, text));
            };
        }

        private Condition list(FieldSpec field, Operator op, StringBuilder text) {
            List<Object> values = new ArrayList<>();
            text.append('(').append(space(false));
            for (int i = 1 + random.nextInt(4); i > 0; i--) {
                if (!values.isEmpty()) {
                    text.append(space(false)).append(',').append(space(false));
                }
                values.add(value(field, true, text));
            }
            text.append(space(false)).append(')');
            return new Condition.In(field, values, op == Operator.NOTIN);
        }

        private Object bitmask(StringBuilder text) {
            long mask = random.nextInt(32);
            text.append(maybeQuoted(String.valueOf(mask)));
            return mask;
        }

        private Object value(FieldSpec field, boolean nullable, StringBuilder text) {
            if (nullable && random.nextInt(6) == 0) {
                text.append(spell("null"));
                return null;
            }
            switch (field.type()) {
                case INTEGER -> {
                    long value = random.nextInt(3) == 0 ? random.nextLong() : random.nextInt(2001) - 1000;
                    text.append(maybeQuoted((value >= 0 && random.nextBoolean() ? "+" : "") + value));
                    return value;
                }
                case NUMBER -> {
                    double value = random.nextInt(3) == 0 ? random.nextGaussian() * 1e6
                            : (random.nextInt(41) - 20) / 4.0;
                    String written = random.nextBoolean() ? String.valueOf(value)
                            : new BigDecimal(value).toPlainString();
                    text.append(maybeQuoted(written));
                    return value;
                }
                case BOOLEAN -> {
                    boolean value = random.nextBoolean();
                    text.append(maybeQuoted(spell(String.valueOf(value))));
                    return value;
                }
                default -> {
                    String value = string();
                    text.append(value.matches("[A-Za-z0-9_.%:/@+-]+") && !value.equalsIgnoreCase("null")
                            && random.nextBoolean() ? value : quoted(value));
                    return value;
                }
            }
        }

        private String string() {
            StringBuilder value = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                int at = random.nextInt(NASTY.length());
                value.appendCodePoint(NASTY.codePointAt(Character.isLowSurrogate(NASTY.charAt(at)) ? at - 1 : at));
            }
            return random.nextInt(10) == 0 ? spell(random.nextBoolean() ? "and" : "null") : value.toString();
        }

        private String maybeQuoted(String value) {
            return random.nextBoolean() ? value : quoted(value);
        }

        /** Backslashes doubled, and the quote character either doubled or backslash-escaped. */
        private String quoted(String value) {
            char quote = random.nextBoolean() ? '"' : '\'';
            String escapedQuote = random.nextBoolean() ? "\\" + quote : "" + quote + quote;
            return quote + value.replace("\\", "\\\\").replace(String.valueOf(quote), escapedQuote) + quote;
        }

        private String spell(String keyword) {
            return switch (random.nextInt(3)) {
                case 0 -> keyword.toUpperCase(Locale.ROOT);
                case 1 -> Character.toUpperCase(keyword.charAt(0)) + keyword.substring(1);
                default -> keyword;
            };
        }

        private String space(boolean required) {
            String[] blanks = {" ", "  ", "\t", "\n", " \r\n "};
            return !required && random.nextBoolean() ? "" : blanks[random.nextInt(blanks.length)];
        }
    }
}
