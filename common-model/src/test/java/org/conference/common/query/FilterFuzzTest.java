package org.conference.common.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.conference.common.api.ApiException;
import org.springframework.http.HttpStatus;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Random, mutated and token-soup filters: each either parses, and then translates and evaluates without error, or is
 * a 400 "invalid filter" whose message names a position inside the text and the token found there. Nothing else may
 * escape.
 */
class FilterFuzzTest {

    private static final Pattern ERROR = Pattern.compile("(?s)(.+) at position (\\d+): '(.*)'");
    private static final List<Map<String, Object>> SAMPLE = TestDocuments.generate(3, 40);
    private static final String GRAMMAR_CHARS = " \t()',\"\\%_.andeqnotilkbgrsu0123456789+-xyzNUL";
    private static final List<String> TOKENS = List.of("name", "count", "score", "active", "capabilities", "tags",
            "keychain.access_code", "did_group_references.did_group_id", "notes", "nosuch", "eq", "ne", "gt", "ge",
            "lt", "le", "like", "ilike", "in", "notin", "bit", "and", "AND", "or", "null", "true", "false", "(", ")",
            ",", "'", "\"", "\\", "''", "\"\"", "'a b'", "\"x\\\"y\"", "5", "-3", "2.5", "1e999",
            "99999999999999999999", "%", "_", "abc", "32");

    @Provide
    Arbitrary<String> grammarStrings() {
        return Arbitraries.strings().withChars(GRAMMAR_CHARS).ofMaxLength(60);
    }

    @Provide
    Arbitrary<String> tokenSoup() {
        return Arbitraries.randomValue(random -> {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                text.append(TOKENS.get(random.nextInt(TOKENS.size()))).append(random.nextInt(4) == 0 ? "" : " ");
            }
            return text.toString();
        });
    }

    @Provide
    Arbitrary<String> mutatedFilters() {
        return Arbitraries.randomValue(random -> mutate(new RandomFilters(random, true).filter(), random));
    }

    @Property(tries = 2000)
    void grammarCharacterStrings(@ForAll("grammarStrings") String filter) {
        parsesOrIsRejected(filter);
    }

    @Property(tries = 1000)
    void anyUnicodeString(@ForAll String filter) {
        parsesOrIsRejected(filter);
    }

    @Property(tries = 2000)
    void tokenSoups(@ForAll("tokenSoup") String filter) {
        Statistics.collect(parsesOrIsRejected(filter));
        // Soup must reach past the first clause often enough to exercise the whole parser.
        Statistics.coverage(coverage -> coverage.check(true).percentage(p -> p > 2));
    }

    @Property(tries = 2000)
    void mutatedValidFilters(@ForAll("mutatedFilters") String filter) {
        Statistics.collect(parsesOrIsRejected(filter));
        Statistics.coverage(coverage -> {
            coverage.check(true).percentage(p -> p > 3);
            coverage.check(false).percentage(p -> p > 50);
        });
    }

    @Property(tries = 1000)
    void paginationParameters(@ForAll("grammarStrings") String limit, @ForAll("grammarStrings") String offset,
                              @ForAll("tokenSoup") String order, @ForAll String fields) {
        try {
            ListQuery query = ListQuery.from(TestSchemas.params("limit", limit, "offset", offset, "order", order,
                    "include_fields", fields, "exclude_fields", fields), TestSchemas.ROOMS);
            assertThat(query.limit()).isBetween(1, ListQuery.MAX_LIMIT);
            InMemoryQueries.apply(query, SAMPLE);
            MongoQueries.toQuery(query).getSortObject();
        } catch (ApiException e) {
            assertThat(e.status().is4xxClientError()).isTrue();
            assertThat(e.body().errors()).singleElement()
                    .satisfies(error -> assertThat(error.field()).isIn("limit", "offset", "order"));
        }
    }

    /** Whether the text parsed (and then translated and evaluated); otherwise it must be a positioned 400. */
    static boolean parsesOrIsRejected(String text) {
        Filter filter;
        try {
            filter = Filter.parse(text, TestSchemas.ROOMS);
        } catch (ApiException e) {
            assertIsAPositionedFilterError(e, text);
            return false;
        }
        MongoQueries.toCriteria(filter).getCriteriaObject();
        Predicate<Map<String, ?>> matcher = InMemoryQueries.matcher(filter);
        SAMPLE.forEach(matcher::test);
        return true;
    }

    private static void assertIsAPositionedFilterError(ApiException e, String text) {
        assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(e.body().message()).isEqualTo("invalid filter");
        assertThat(e.body().errors()).hasSize(1);
        assertThat(e.body().errors().get(0).field()).isEqualTo("filter");
        Matcher m = ERROR.matcher(e.body().errors().get(0).message());
        assertThat(m.matches()).as("message %s", e.body().errors().get(0).message()).isTrue();
        int position = Integer.parseInt(m.group(2));
        assertThat(position).isBetween(0, text.length());
        String token = m.group(3).endsWith("...") ? m.group(3).substring(0, m.group(3).length() - 3) : m.group(3);
        assertThat(text.startsWith(token, position)).as("token '%s' at %d of %s", token, position, text).isTrue();
    }

    /** One to four edits: delete, insert or replace a character, swap two, cut the end, or repeat a stretch. */
    static String mutate(String filter, Random random) {
        StringBuilder text = new StringBuilder(filter);
        for (int i = 1 + random.nextInt(4); i > 0 && !text.isEmpty(); i--) {
            int at = random.nextInt(text.length());
            char c = GRAMMAR_CHARS.charAt(random.nextInt(GRAMMAR_CHARS.length()));
            switch (random.nextInt(6)) {
                case 0 -> text.deleteCharAt(at);
                case 1 -> text.insert(at, c);
                case 2 -> text.setCharAt(at, c);
                case 3 -> {
                    int other = random.nextInt(text.length());
                    char swapped = text.charAt(at);
                    text.setCharAt(at, text.charAt(other));
                    text.setCharAt(other, swapped);
                }
                case 4 -> text.setLength(at);
                default -> text.insert(at, text.substring(at, Math.min(text.length(), at + 1 + random.nextInt(8))));
            }
        }
        return text.toString();
    }
}
