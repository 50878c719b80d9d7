package org.conference.common.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Random valid filter text over {@link TestSchemas#ROOMS}, with values drawn from the same pools as
 * {@link TestDocuments} so that filters actually match something, and with random spelling: operator and keyword
 * case, quoting style, spacing.
 */
final class RandomFilters {

    /** Paths that reach arrays in the generated documents. */
    private static final List<String> ARRAY_PATHS = List.of("tags", "keychain.access_code");

    private final Random random;
    private final TestDocuments words;
    private final boolean likeOnArrays;

    /**
     * @param likeOnArrays whether like/ilike may name a path that reaches arrays; the MongoDB-wire server (used
     *                     without Docker) also matches such patterns against the array's text form, where MongoDB and
     *                     the in-memory evaluator match elements only
     */
    RandomFilters(Random random, boolean likeOnArrays) {
        this.random = random;
        this.words = new TestDocuments(random);
        this.likeOnArrays = likeOnArrays;
    }

    String filter() {
        List<String> clauses = new ArrayList<>();
        for (int i = random.nextInt(4) == 0 ? 3 : 1 + random.nextInt(2); i > 0; i--) {
            clauses.add(clause(TestSchemas.FILTERABLE.get(random.nextInt(TestSchemas.FILTERABLE.size()))));
        }
        return String.join(random.nextBoolean() ? " and " : "  AND ", clauses);
    }

    String clause(String name) {
        FieldSpec field = TestSchemas.field(name);
        List<Operator> ops = new ArrayList<>();
        for (Operator op : Operator.values()) {
            boolean likeOnArray = (op == Operator.LIKE || op == Operator.ILIKE) && ARRAY_PATHS.contains(name);
            if (op.appliesTo(field) && (likeOnArrays || !likeOnArray)) {
                ops.add(op);
            }
        }
        Operator op = ops.get(random.nextInt(ops.size()));
        return name + " " + spell(op.keyword()) + " " + operand(field, op);
    }

    private String operand(FieldSpec field, Operator op) {
        return switch (op) {
            case IN, NOTIN -> list(field);
            case LIKE, ILIKE -> quote(likePattern());
            case BIT -> String.valueOf(random.nextInt(32));
            case EQ, NE -> random.nextInt(6) == 0 ? spell("null") : value(field);
            default -> value(field);
        };
    }

    private String list(FieldSpec field) {
        List<String> values = new ArrayList<>();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            values.add(random.nextInt(8) == 0 ? "null" : value(field));
        }
        return "(" + String.join(random.nextBoolean() ? "," : " , ", values) + ")";
    }

    String value(FieldSpec field) {
        String text = switch (field.type()) {
            case STRING -> field.name().equals("keychain.access_code") ? "ac" + random.nextInt(30)
                    : field.name().equals("callback.url") ? "https://host1.example/" + words.word() : words.word();
            case INTEGER -> String.valueOf(integer(field.name()));
            case NUMBER -> String.valueOf((random.nextInt(41) - 20) / 2.0);
            case BOOLEAN -> spell(String.valueOf(random.nextBoolean()));
        };
        boolean bare = field.type() != FieldType.STRING && random.nextBoolean();
        return bare ? text : quote(text);
    }

    /** Integers around the ranges {@link TestDocuments} uses for each field, a little beyond at both ends. */
    private long integer(String name) {
        return switch (name) {
            case "id" -> random.nextInt(1010) - 5;
            case "secret" -> random.nextInt(13) - 1;
            case "capabilities" -> random.nextInt(42) - 1;
            case "did_group_references.did_group_id" -> random.nextInt(23) - 1;
            default -> random.nextInt(111) - 55;
        };
    }

    /** A pool word with some characters turned into wildcards. */
    private String likePattern() {
        String word = words.word();
        StringBuilder pattern = new StringBuilder(random.nextInt(3) == 0 ? "%" : "");
        for (int i = 0; i < word.length(); i++) {
            int roll = random.nextInt(8);
            pattern.append(roll == 0 ? "_" : roll == 1 ? "%" : String.valueOf(word.charAt(i)));
        }
        return pattern.append(random.nextInt(3) == 0 ? "%" : "").toString();
    }

    /** Quoted so that it reads back as exactly {@code text}: backslashes and the quote character escaped. */
    String quote(String text) {
        char quote = random.nextBoolean() ? '"' : '\'';
        String escapedQuote = random.nextBoolean() ? "\\" + quote : "" + quote + quote;
        return quote + text.replace("\\", "\\\\").replace(String.valueOf(quote), escapedQuote) + quote;
    }

    private String spell(String keyword) {
        return random.nextInt(4) == 0 ? keyword.toUpperCase(Locale.ROOT) : keyword;
    }
}
