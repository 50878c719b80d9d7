package org.conference.common.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The in-memory evaluator on random documents and random valid filters: against {@link Oracle}, an independent
 * statement of the semantics, and against the algebra the operators must obey.
 */
class InMemoryPropertiesTest {

    /** A field and one value for it, as filter text ({@code null} included). */
    record Operand(String field, String value) {
    }

    @Provide
    Arbitrary<List<Map<String, Object>>> documents() {
        return Arbitraries.randomValue(random -> {
            TestDocuments generator = new TestDocuments(random);
            List<Map<String, Object>> docs = new ArrayList<>();
            for (long id = 1, n = 1 + random.nextInt(60); id <= n; id++) {
                docs.add(generator.document(id));
            }
            Collections.shuffle(docs, random);
            return docs;
        });
    }

    @Provide
    Arbitrary<String> clauses() {
        return Arbitraries.randomValue(random -> new RandomFilters(random, true)
                .clause(TestSchemas.FILTERABLE.get(random.nextInt(TestSchemas.FILTERABLE.size()))));
    }

    @Provide
    Arbitrary<String> filters() {
        return Arbitraries.randomValue(random -> new RandomFilters(random, true).filter());
    }

    @Provide
    Arbitrary<Operand> operands() {
        return Arbitraries.randomValue(random -> {
            String field = TestSchemas.FILTERABLE.get(random.nextInt(TestSchemas.FILTERABLE.size()));
            return new Operand(field, random.nextInt(8) == 0 ? "null" : new RandomFilters(random, true)
                    .value(TestSchemas.field(field)));
        });
    }

    @Provide
    Arbitrary<Operand> orderedOperands() {
        return operands().filter(o -> !o.value().equals("null")
                && TestSchemas.field(o.field()).type() != FieldType.BOOLEAN);
    }

    static Predicate<Map<String, ?>> matcher(String filter) {
        return InMemoryQueries.matcher(Filter.parse(filter, TestSchemas.ROOMS));
    }

    @Property(tries = 400)
    void everyClauseAgreesWithTheOracle(@ForAll("documents") List<Map<String, Object>> docs,
                                        @ForAll("clauses") String clause) {
        Condition condition = Filter.parse(clause, TestSchemas.ROOMS).conditions().get(0);
        Predicate<Map<String, ?>> matcher = matcher(clause);
        for (Map<String, Object> doc : docs) {
            assertThat(matcher.test(doc)).as("%s on %s", clause, doc).isEqualTo(Oracle.matches(doc, condition));
        }
    }

    @Property(tries = 300)
    void neIsTheComplementOfEq(@ForAll("documents") List<Map<String, Object>> docs, @ForAll("operands") Operand o) {
        Predicate<Map<String, ?>> eq = matcher(o.field() + " eq " + o.value());
        Predicate<Map<String, ?>> ne = matcher(o.field() + " ne " + o.value());
        docs.forEach(doc -> assertThat(ne.test(doc)).as("%s on %s", o, doc).isEqualTo(!eq.test(doc)));
    }

    @Property(tries = 300)
    void inIsTheUnionOfEqAndNotinItsComplement(@ForAll("documents") List<Map<String, Object>> docs,
                                                @ForAll("operands") Operand a, @ForAll("operands") Operand b) {
        String field = a.field();
        String other = b.field().equals(field) ? b.value() : a.value();
        Predicate<Map<String, ?>> in = matcher(field + " in (" + a.value() + ", " + other + ")");
        Predicate<Map<String, ?>> notin = matcher(field + " notin (" + a.value() + "," + other + ")");
        Predicate<Map<String, ?>> eitherEq = matcher(field + " eq " + a.value()).or(matcher(field + " eq " + other));
        for (Map<String, Object> doc : docs) {
            assertThat(in.test(doc)).as("in on %s", doc).isEqualTo(eitherEq.test(doc));
            assertThat(notin.test(doc)).as("notin on %s", doc).isEqualTo(!in.test(doc));
        }
    }

    @Property(tries = 300)
    void andIsTheIntersection(@ForAll("documents") List<Map<String, Object>> docs,
                              @ForAll("clauses") String a, @ForAll("clauses") String b) {
        Predicate<Map<String, ?>> both = matcher(a + " and " + b);
        Predicate<Map<String, ?>> each = matcher(a).and(matcher(b));
        docs.forEach(doc -> assertThat(both.test(doc)).isEqualTo(each.test(doc)));
    }

    @Property(tries = 300)
    void orderingOperatorsSplitTheValuesOfTheSameKind(@ForAll("documents") List<Map<String, Object>> docs,
                                                       @ForAll("orderedOperands") Operand o) {
        Predicate<Map<String, ?>> gt = matcher(o.field() + " gt " + o.value());
        Predicate<Map<String, ?>> ge = matcher(o.field() + " ge " + o.value());
        Predicate<Map<String, ?>> lt = matcher(o.field() + " lt " + o.value());
        Predicate<Map<String, ?>> le = matcher(o.field() + " le " + o.value());
        Predicate<Map<String, ?>> eq = matcher(o.field() + " eq " + o.value());
        Object wanted = ((Condition.Compare) Filter.parse(o.field() + " eq " + o.value(), TestSchemas.ROOMS)
                .conditions().get(0)).value();
        for (Map<String, Object> doc : docs) {
            assertThat(ge.test(doc)).isEqualTo(gt.test(doc) || eq.test(doc));
            assertThat(le.test(doc)).isEqualTo(lt.test(doc) || eq.test(doc));
            boolean sameKind = Oracle.reach(doc, TestSchemas.field(o.field()).path()).stream()
                    .anyMatch(v -> Oracle.sameKindCompare(v, wanted) != null);
            assertThat(lt.test(doc) || ge.test(doc)).as("%s on %s", o, doc).isEqualTo(sameKind);
        }
    }

    /** String operands without like wildcards or escapes: as a like pattern, each means itself. */
    @Provide
    Arbitrary<Operand> plainStringOperands() {
        return operands().filter(o -> TestSchemas.field(o.field()).type() == FieldType.STRING
                && !o.value().equals("null") && !o.value().matches("(?s).*[%_\\\\].*"));
    }

    @Property(tries = 300)
    void likeWithoutWildcardsIsEqAndIlikeWidensIt(@ForAll("documents") List<Map<String, Object>> docs,
                                                  @ForAll("plainStringOperands") Operand o) {
        String word = o.value();
        Predicate<Map<String, ?>> like = matcher(o.field() + " like " + word);
        Predicate<Map<String, ?>> ilike = matcher(o.field() + " ilike " + word);
        Predicate<Map<String, ?>> eq = matcher(o.field() + " eq " + word);
        for (Map<String, Object> doc : docs) {
            assertThat(like.test(doc)).isEqualTo(eq.test(doc));
            assertThat(!like.test(doc) || ilike.test(doc)).isTrue();
        }
    }

    @Property(tries = 200)
    void bitIsInOverTheValuesWithThoseBits(@ForAll("documents") List<Map<String, Object>> docs,
                                           @ForAll @IntRange(min = 0, max = 31) int mask) {
        List<String> values = new ArrayList<>();
        MongoQueries.valuesWithBits(mask, 5).forEach(v -> values.add(String.valueOf(v)));
        Predicate<Map<String, ?>> bit = matcher("capabilities bit " + mask);
        Predicate<Map<String, ?>> in = matcher("capabilities in (" + String.join(",", values) + ")");
        docs.forEach(doc -> assertThat(bit.test(doc)).isEqualTo(in.test(doc)));
    }

    @Property(tries = 200)
    void pagesConcatenateToTheWholeOrderedList(@ForAll("documents") List<Map<String, Object>> docs,
                                               @ForAll("filters") String filter,
                                               @ForAll @IntRange(min = 1, max = 7) int pageSize,
                                               @ForAll @IntRange(min = 0, max = 100) int seed) {
        Random random = new Random(seed);
        String order = TestSchemas.SORTABLE.get(random.nextInt(TestSchemas.SORTABLE.size()))
                + (random.nextBoolean() ? " desc" : "");
        Page<Map<String, Object>> whole = InMemoryQueries.apply(query(filter, order, 0, 1000), docs);
        long matching = docs.stream().filter(matcher(filter)).count();
        assertThat(whole.total()).isEqualTo(matching);
        assertThat(whole.items()).hasSize((int) matching);

        List<Map<String, Object>> concatenated = new ArrayList<>();
        for (int offset = 0; offset <= matching; offset += pageSize) {
            Page<Map<String, Object>> page = InMemoryQueries.apply(query(filter, order, offset, pageSize), docs);
            assertThat(page.total()).isEqualTo(matching);
            concatenated.addAll(page.items());
        }
        assertThat(concatenated).isEqualTo(whole.items());
        assertThat(new HashSet<>(concatenated.stream().map(d -> d.get("_id")).toList())).hasSize((int) matching);
    }

    @Property(tries = 200)
    void sortedListsFollowMongoDbOrderWithIdTiebreak(@ForAll("documents") List<Map<String, Object>> docs,
                                                      @ForAll @IntRange(min = 0, max = 15) int pick) {
        String field = TestSchemas.SORTABLE.get(pick % TestSchemas.SORTABLE.size());
        boolean descending = pick >= 8;
        List<Map<String, Object>> sorted = InMemoryQueries.apply(
                query("", field + (descending ? " desc" : ""), 0, 1000), docs).items();
        String path = TestSchemas.field(field).path();
        for (int i = 1; i < sorted.size(); i++) {
            Object a = Oracle.reach(sorted.get(i - 1), path).get(0);
            Object b = Oracle.reach(sorted.get(i), path).get(0);
            int c = Oracle.rank(a) != Oracle.rank(b) ? Integer.compare(Oracle.rank(a), Oracle.rank(b))
                    : Oracle.rank(a) == 0 ? 0 : Oracle.sameKindCompare(a, b);
            c = descending ? -c : c;
            assertThat(c).as("%s then %s sorting by %s", a, b, field).isLessThanOrEqualTo(0);
            if (c == 0) {
                assertThat((Long) sorted.get(i - 1).get("_id")).isLessThan((Long) sorted.get(i).get("_id"));
            }
        }
    }

    private static ListQuery query(String filter, String order, int offset, int limit) {
        return ListQuery.from(TestSchemas.params("filter", filter, "order", order, "offset", String.valueOf(offset),
                "limit", String.valueOf(limit)), TestSchemas.ROOMS);
    }
}
