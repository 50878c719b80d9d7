package org.conference.common.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conference.common.query.TestSchemas.params;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.data.mongodb.core.query.Query;

class MongoQueriesTest {

    static Document criteria(String filter) {
        return MongoQueries.toCriteria(Filter.parse(filter, TestSchemas.ROOMS)).getCriteriaObject();
    }

    static Document on(String path, Object condition) {
        return new Document(path, condition);
    }

    static Document op(String operator, Object value) {
        return new Document(operator, value);
    }

    @Test
    void comparisonsUseTheDocumentPathAndTheTypedValue() {
        assertThat(criteria("name eq alpha")).isEqualTo(on("name", "alpha"));
        assertThat(criteria("id eq '5'")).isEqualTo(on("_id", 5L));
        assertThat(criteria("count ne 5")).isEqualTo(on("count", op("$ne", 5L)));
        assertThat(criteria("count gt 5")).isEqualTo(on("count", op("$gt", 5L)));
        assertThat(criteria("score ge 2")).isEqualTo(on("score", op("$gte", 2.0)));
        assertThat(criteria("name lt m")).isEqualTo(on("name", op("$lt", "m")));
        assertThat(criteria("count le -1")).isEqualTo(on("count", op("$lte", -1L)));
        assertThat(criteria("active eq true")).isEqualTo(on("active", true));
        assertThat(criteria("keychain.access_code eq 1234")).isEqualTo(on("keychain.accessCode", "1234"));
    }

    @Test
    void nullMeansMissingOrNullAndNotNullMeansPresent() {
        assertThat(criteria("name eq null")).isEqualTo(on("name", null));
        assertThat(criteria("name ne null")).isEqualTo(on("name", op("$ne", null)));
    }

    @Test
    void listsBecomeInAndNin() {
        assertThat(criteria("count in (1, '2', null)")).isEqualTo(on("count", op("$in", Arrays.asList(1L, 2L, null))));
        assertThat(criteria("name notin (a, b)")).isEqualTo(on("name", op("$nin", List.of("a", "b"))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "name like 'Account%'|^\\QAccount\\E",
            "name like '%555%'|^(?>.*?\\Q555\\E)",
            "name like '%end'|^.*\\Qend\\E\\z",
            "name like 'a_c'|^\\Qa\\E.\\Qc\\E\\z",
            "name like 'a%%b'|^\\Qa\\E.*\\Qb\\E\\z",
            "name like 'a%b_%c'|^\\Qa\\E(?>.*?\\Qb\\E.).*\\Qc\\E\\z",
            "name like 'a.*b'|^\\Qa.*b\\E\\z",
            "name like '100\\%'|^\\Q100%\\E\\z",
            "name like ''|^\\z"})
    void likeBecomesAnAnchoredQuotedRegex(String filter, String regex) {
        Pattern pattern = (Pattern) criteria(filter).get("name");
        assertThat(pattern.pattern()).isEqualTo(regex);
        assertThat(pattern.flags()).isEqualTo(Pattern.DOTALL);
    }

    @Test
    void ilikeIsTheCaseInsensitiveRegex() {
        Pattern pattern = (Pattern) criteria("name ilike 'AccOUnt%'").get("name");
        assertThat(pattern.pattern()).isEqualTo("^\\QAccOUnt\\E");
        assertThat(pattern.flags() & Pattern.CASE_INSENSITIVE).isNotZero();
    }

    @Test
    void bitBecomesTheListOfValuesWithThoseBitsSet() {
        assertThat(criteria("capabilities bit 29")).isEqualTo(on("capabilities", op("$in", List.of(29L, 31L))));
        assertThat(criteria("capabilities bit 31")).isEqualTo(on("capabilities", op("$in", List.of(31L))));
        assertThat(criteria("capabilities bit 4")).isEqualTo(on("capabilities", op("$in",
                List.of(4L, 5L, 6L, 7L, 12L, 13L, 14L, 15L, 20L, 21L, 22L, 23L, 28L, 29L, 30L, 31L))));
    }

    @Test
    void valuesWithBitsIsExactlyTheValuesInRangeWithTheMaskSet() {
        for (int width = 1; width <= FieldSpec.MAX_BIT_WIDTH; width++) {
            for (long mask = 0; mask < 1L << width; mask += 1 + mask / 7) {
                List<Long> expected = new ArrayList<>();
                for (long value = 0; value < 1L << width; value++) {
                    if ((value & mask) == mask) {
                        expected.add(value);
                    }
                }
                assertThat(MongoQueries.valuesWithBits(mask, width)).as("mask %d width %d", mask, width)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void severalClausesAreJoinedWithAndEvenOnTheSamePath() {
        assertThat(criteria("count gt 1 and count lt 5")).isEqualTo(new Document("$and",
                List.of(on("count", op("$gt", 1L)), on("count", op("$lt", 5L)))));
        assertThat(criteria("")).isEqualTo(new Document());
    }

    @Test
    void theQueryCarriesSortSkipAndLimitWithTheIdAsTiebreak() {
        ListQuery list = ListQuery.from(params("filter", "count gt 1", "order", "name desc", "offset", "20",
                "limit", "5"), TestSchemas.ROOMS);
        Query query = MongoQueries.toQuery(list);
        assertThat(query.getQueryObject()).isEqualTo(on("count", op("$gt", 1L)));
        assertThat(query.getSortObject()).isEqualTo(new Document("name", -1).append("_id", 1));
        assertThat(query.getSkip()).isEqualTo(20);
        assertThat(query.getLimit()).isEqualTo(5);
    }

    @Test
    void theDefaultOrderIsTheId() {
        Query query = MongoQueries.toQuery(ListQuery.of(TestSchemas.ROOMS));
        assertThat(query.getSortObject()).isEqualTo(new Document("_id", 1));
        assertThat(query.getLimit()).isEqualTo(10);
        Query byIdDescending = MongoQueries.toQuery(ListQuery.from(params("order", "id desc"), TestSchemas.ROOMS));
        assertThat(byIdDescending.getSortObject()).isEqualTo(new Document("_id", -1));
    }

    @Test
    void theCountQueryHasOnlyTheCriteria() {
        ListQuery list = ListQuery.from(params("filter", "count gt 1", "order", "name", "offset", "20"),
                TestSchemas.ROOMS);
        Query count = MongoQueries.toCountQuery(list);
        assertThat(count.getQueryObject()).isEqualTo(on("count", op("$gt", 1L)));
        assertThat(count.isSorted()).isFalse();
        assertThat(count.getSkip()).isZero();
        assertThat(count.isLimited()).isFalse();
    }
}
