package org.conference.common.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conference.common.query.TestSchemas.params;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.conference.common.api.ListEnvelope;
import org.junit.jupiter.api.Test;

/** The evaluator's semantics on hand-written documents, with the results MongoDB gives for them. */
class InMemoryQueriesTest {

    static final ResourceSchema SCHEMA = ResourceSchema.builder()
            .integer("id", "_id").id()
            .integer("a.b")
            .string("s")
            .integer("n")
            .number("x")
            .bitmask("caps", 5)
            .string("k")
            .build();

    /** A document from alternating keys and values; {@code _id} first. */
    static Map<String, Object> doc(long id, Object... keyValues) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("_id", id);
        for (int i = 0; i < keyValues.length; i += 2) {
            doc.put((String) keyValues[i], keyValues[i + 1]);
        }
        return doc;
    }

    static Map<String, Object> object(Object... keyValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            object.put((String) keyValues[i], keyValues[i + 1]);
        }
        return object;
    }

    static List<Object> list(Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }

    /** Ids of the matches, in the query's order, of all documents (limit 1000). */
    static List<Object> ids(List<Map<String, Object>> docs, String... nameValuePairs) {
        List<String> all = new ArrayList<>(List.of(nameValuePairs));
        all.addAll(List.of("limit", "1000"));
        ListQuery query = ListQuery.from(params(all.toArray(String[]::new)), SCHEMA);
        List<Object> ids = new ArrayList<>();
        InMemoryQueries.apply(query, docs).items().forEach(d -> ids.add(d.get("_id")));
        return ids;
    }

    static List<Object> filter(List<Map<String, Object>> docs, String filter) {
        return ids(docs, "filter", filter);
    }

    /** MongoDB's own test of dotted paths and null (jstests/core dotted_path_in_null.js) and its complements. */
    @Test
    void dottedPathsThroughArraysMatchNullAsMongoDbDoes() {
        List<Map<String, Object>> docs = List.of(
                doc(1, "a", list(object("b", 5))), doc(2, "a", list(object())), doc(3, "a", list()),
                doc(4, "a", list(object(), object("b", 5))), doc(5, "a", list(5, object("b", 5))));
        assertThat(filter(docs, "a.b eq null")).containsExactly(2L, 4L);
        assertThat(filter(docs, "a.b in (null)")).containsExactly(2L, 4L);
        assertThat(filter(docs, "a.b ne null")).containsExactly(1L, 3L, 5L);
        assertThat(filter(docs, "a.b eq 5")).containsExactly(1L, 4L, 5L);
        assertThat(filter(docs, "a.b ne 5")).containsExactly(2L, 3L);
        assertThat(filter(docs, "a.b notin (5, 6)")).containsExactly(2L, 3L);
    }

    @Test
    void aScalarOrNullWhereAnObjectIsExpectedIsMissing() {
        List<Map<String, Object>> docs = List.of(doc(1, "a", 5), doc(2, "a", null), doc(3),
                doc(4, "a", object("b", 1)));
        assertThat(filter(docs, "a.b eq null")).containsExactly(1L, 2L, 3L);
        assertThat(filter(docs, "a.b ne 1")).containsExactly(1L, 2L, 3L);
    }

    @Test
    void neAndNotinMatchMissingFieldsAndArraysWithoutTheValue() {
        List<Map<String, Object>> docs = List.of(doc(1), doc(2, "s", null), doc(3, "s", "x"),
                doc(4, "s", list("x", null)), doc(5, "s", list()), doc(6, "s", list("y")));
        assertThat(filter(docs, "s eq null")).containsExactly(1L, 2L, 4L);
        assertThat(filter(docs, "s ne null")).containsExactly(3L, 5L, 6L);
        assertThat(filter(docs, "s eq x")).containsExactly(3L, 4L);
        assertThat(filter(docs, "s ne x")).containsExactly(1L, 2L, 5L, 6L);
        assertThat(filter(docs, "s in (y, null)")).containsExactly(1L, 2L, 4L, 6L);
        assertThat(filter(docs, "s notin (x, y)")).containsExactly(1L, 2L, 5L);
        assertThat(filter(docs, "s gt a")).containsExactly(3L, 4L, 6L);
    }

    @Test
    void numbersCompareByValueAcrossJavaTypesAndNeverMatchOtherTypes() {
        List<Map<String, Object>> docs = List.of(doc(1, "n", 5), doc(2, "n", 5L), doc(3, "n", 5.0), doc(4, "n", 5.5),
                doc(5, "n", "5"), doc(6, "n", true), doc(7, "n", list(1, 9)));
        assertThat(filter(docs, "n eq 5")).containsExactly(1L, 2L, 3L);
        assertThat(filter(docs, "n eq '5'")).containsExactly(1L, 2L, 3L);
        assertThat(filter(docs, "n gt 5")).containsExactly(4L, 7L);
        assertThat(filter(docs, "n le 5")).containsExactly(1L, 2L, 3L, 7L);
        assertThat(filter(docs, "n ne 5")).containsExactly(4L, 5L, 6L, 7L);
        assertThat(filter(docs, "x lt 5.5")).isEmpty();
    }

    @Test
    void longsAndDoublesCompareExactlyBeyondTwoToThe53() {
        List<Map<String, Object>> docs = List.of(doc(1, "x", 9007199254740993L), doc(2, "x", 9007199254740992.0));
        assertThat(filter(docs, "x eq 9007199254740992")).containsExactly(2L);
        assertThat(filter(docs, "x gt 9007199254740992")).containsExactly(1L);
    }

    @Test
    void stringsCompareByCodePoint() {
        String emoji = "\uD83D\uDE00";
        List<Map<String, Object>> docs = List.of(doc(1, "k", emoji), doc(2, "k", "\uFF5E"), doc(3, "k", "a"),
                doc(4, "k", "Z"));
        assertThat(filter(docs, "k gt '\uFF5E'")).containsExactly(1L);
        assertThat(ids(docs, "order", "k")).containsExactly(4L, 3L, 2L, 1L);
    }

    @Test
    void likeMatchesWholeStringsElementWise() {
        List<Map<String, Object>> docs = List.of(doc(1, "s", "Account 1"), doc(2, "s", "my account"),
                doc(3, "s", list("x", "Account")), doc(4, "s", 5), doc(5, "s", "Acc\nount"), doc(6, "s", "100%"),
                doc(7, "s", "1000"), doc(8, "s", "\u00e9mile"), doc(9, "s", "\uD83D\uDE00"));
        assertThat(filter(docs, "s like 'Account%'")).containsExactly(1L, 3L);
        assertThat(filter(docs, "s like 'account%'")).isEmpty();
        assertThat(filter(docs, "s ilike 'account%'")).containsExactly(1L, 3L);
        assertThat(filter(docs, "s ilike '%ACCOUNT'")).containsExactly(2L, 3L);
        assertThat(filter(docs, "s like 'Acc%ount'")).containsExactly(3L, 5L);
        assertThat(filter(docs, "s like '100\\%'")).containsExactly(6L);
        assertThat(filter(docs, "s like '100_'")).containsExactly(6L, 7L);
        assertThat(filter(docs, "s ilike '\u00c9MILE'")).containsExactly(8L);
        assertThat(filter(docs, "s like '_'")).containsExactly(3L, 9L);
        assertThat(filter(docs, "s like '%'")).containsExactly(1L, 2L, 3L, 5L, 6L, 7L, 8L, 9L);
    }

    @Test
    void bitMatchesWholeValuesInTheDeclaredWidthWithAllBitsSet() {
        List<Map<String, Object>> docs = List.of(doc(1, "caps", 5), doc(2, "caps", 7L), doc(3, "caps", 5.0),
                doc(4, "caps", 5.5), doc(5, "caps", 37), doc(6, "caps", -3), doc(7, "caps", "5"),
                doc(8, "caps", list(1, 4)), doc(9, "caps", list(2, 13)), doc(10), doc(11, "caps", 4));
        assertThat(filter(docs, "caps bit 5")).containsExactly(1L, 2L, 3L, 9L);
        assertThat(filter(docs, "caps bit 4")).containsExactly(1L, 2L, 3L, 8L, 9L, 11L);
        assertThat(filter(docs, "caps bit 0")).containsExactly(1L, 2L, 3L, 8L, 9L, 11L);
    }

    @Test
    void sortsMixedValuesAsMongoDbDoes() {
        List<Map<String, Object>> docs = List.of(doc(1, "k", null), doc(2), doc(3, "k", 3), doc(4, "k", 2.5),
                doc(5, "k", "b"), doc(6, "k", "a"), doc(7, "k", true), doc(8, "k", false), doc(9, "k", list()),
                doc(10, "k", list(1, 10)));
        assertThat(ids(docs, "order", "k")).containsExactly(9L, 1L, 2L, 10L, 4L, 3L, 6L, 5L, 8L, 7L);
        assertThat(ids(docs, "order", "k desc")).containsExactly(7L, 8L, 5L, 6L, 10L, 3L, 4L, 1L, 2L, 9L);
    }

    @Test
    void tiesAreBrokenByIdAscendingWhateverTheDirection() {
        List<Map<String, Object>> docs = List.of(doc(3, "k", "a"), doc(1, "k", "a"), doc(2, "k", "b"));
        assertThat(ids(docs, "order", "k")).containsExactly(1L, 3L, 2L);
        assertThat(ids(docs, "order", "k desc")).containsExactly(2L, 1L, 3L);
        assertThat(ids(docs)).containsExactly(1L, 2L, 3L);
        assertThat(ids(docs, "order", "id desc")).containsExactly(3L, 2L, 1L);
    }

    @Test
    void pagesAndTotals() {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (long id = 25; id >= 1; id--) {
            docs.add(doc(id, "n", (int) id % 2));
        }
        ListQuery query = ListQuery.from(params("filter", "n eq 1", "offset", "5", "limit", "3"), SCHEMA);
        Page<Map<String, Object>> page = InMemoryQueries.apply(query, docs);
        assertThat(page.items()).extracting(d -> d.get("_id")).containsExactly(11L, 13L, 15L);
        assertThat(page.total()).isEqualTo(13);
        assertThat(page.offset()).isEqualTo(5);

        Page<Map<String, Object>> beyond = InMemoryQueries.apply(
                ListQuery.from(params("offset", "100"), SCHEMA), docs);
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(25);
        assertThat(InMemoryQueries.apply(ListQuery.of(SCHEMA), List.<Map<String, Object>>of()).total()).isZero();
    }

    record Call(long callSid, String name) {
    }

    @Test
    void appliesToAnyObjectThroughItsDocumentView() {
        ResourceSchema calls = ResourceSchema.builder().integer("call_sid", "_id").id().string("name").build();
        List<Call> live = List.of(new Call(2, "bob"), new Call(1, "alice"), new Call(3, "carol"));
        ListQuery query = ListQuery.from(params("filter", "name ne bob", "order", "name desc"), calls);
        Page<Call> page = InMemoryQueries.apply(query, live, c -> Map.of("_id", c.callSid(), "name", c.name()));
        assertThat(page.items()).containsExactly(new Call(3, "carol"), new Call(1, "alice"));

        ListEnvelope<Call> envelope = page.toEnvelope("calls");
        assertThat(envelope.total()).isEqualTo(2);
        assertThat(envelope.last()).isEqualTo(1);
        assertThat(envelope.itemsByPlural()).containsKey("calls");
    }

    @Test
    void matcherAndComparatorAreUsableAlone() {
        Filter filter = Filter.parse("n ge 2", SCHEMA);
        assertThat(InMemoryQueries.matcher(filter).test(doc(1, "n", 3))).isTrue();
        assertThat(InMemoryQueries.matcher(filter).test(doc(1))).isFalse();
        ListQuery query = ListQuery.from(params("order", "n desc"), SCHEMA);
        assertThat(InMemoryQueries.comparator(query).compare(doc(1, "n", 3), doc(2, "n", 1))).isNegative();
    }
}
