package org.conference.common.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.bson.Document;
import org.conference.testsupport.BackingServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * The same 1,000 generated documents in the test-support MongoDB and in memory: every operator, every sort key and a
 * spread of pages must give the same ids in the same order and the same total through {@link MongoQueries} and
 * {@link InMemoryQueries}.
 *
 * <p>Without Docker the MongoDB is the in-process MongoDB-wire server, which departs from MongoDB in two places this
 * test therefore stays away from: it sorts arrays inconsistently (so only paths holding scalars are sorted on, which is
 * what schemas declare sortable), and it also matches a regex against an array's text form (so like/ilike name only
 * paths holding strings here; {@link InMemoryQueriesTest} pins the element-wise MongoDB behaviour).
 */
class MongoAndMemoryAgreementTest {

    private static final String COLLECTION = "rooms";
    private static final List<Map<String, Object>> DOCUMENTS = TestDocuments.generate(20261128L, 1000);

    private static MongoClient client;
    private static MongoTemplate mongo;

    @BeforeAll
    static void insertDocuments() {
        String database = "query_agreement";
        client = MongoClients.create(BackingServices.mongo().uri(database));
        mongo = new MongoTemplate(client, database);
        mongo.dropCollection(COLLECTION);
        List<Document> documents = new ArrayList<>();
        DOCUMENTS.forEach(document -> documents.add(new Document(document)));
        mongo.getCollection(COLLECTION).insertMany(documents);
        assertThat(mongo.getCollection(COLLECTION).countDocuments()).isEqualTo(1000);
    }

    @AfterAll
    static void close() {
        client.close();
    }

    static Stream<String> filters() {
        return Stream.of(
                "name eq alpha", "name eq \"Beta room\"", "name eq 'delta''s'", "name eq \"say \\\"hi\\\"\"",
                "name eq ''", "name eq null", "count eq 5", "count eq \"-7\"", "score eq 2.5", "score eq 3",
                "active eq true", "capabilities eq 5", "keychain.access_code eq ac3", "keychain.access_code eq null",
                "did_group_references.did_group_id eq 3", "did_group_references.did_group_id eq null",
                "tags eq alpha", "tags eq null", "callback.url eq null", "id eq 17",
                "name ne alpha", "name ne null", "count ne 5", "active ne true", "active ne null",
                "keychain.access_code ne ac3", "keychain.access_code ne null",
                "did_group_references.did_group_id ne 3", "did_group_references.did_group_id ne null",
                "tags ne beta", "tags ne null",
                "count gt 10", "count ge '10'", "count lt -45", "count le 0", "score gt 9.5", "score ge -0.5",
                "score lt -2.5", "score le 0", "name gt m", "name ge Beta", "name lt Beta", "name le \"\"",
                "did_group_references.did_group_id gt 15", "tags lt b", "keychain.access_code ge ac2",
                "capabilities gt 30", "id le 100",
                "name like '%a%'", "name like 'Beta%'", "name like 'gamma\\_%'", "name like 'gamma\\%%'",
                "name like '_eta'", "name like 'line%break'", "name like ''", "name like '%'",
                "keychain.access_code like 'ac1_'", "name like '%\\\\%2'", "name like '%\\\\\\\\%'",
                "name like 'ALPHA'", "name like '%a%a%'",
                "name ilike '%A%_%A%'",
                "name ilike alpha", "name ilike '%ROOM%'", "name ilike '\u00c9MILE'", "name ilike '\u00f6laf%'",
                "callback.url ilike 'HTTPS://%'", "name ilike '%''%'",
                "name in (alpha, 'Beta room', null)", "count in (1, 2, '3')", "score in (0.5, 1, -3)",
                "did_group_references.did_group_id in (1, 2, 3)", "tags in (alpha, gamma_1)", "active in (true, null)",
                "keychain.access_code in (null)", "did_group_references.did_group_id in (null, 4)",
                "name notin (alpha, beta)", "count notin (1, 2, 3, null)",
                "did_group_references.did_group_id notin (1, 2)",
                "tags notin (alpha)", "tags notin (null)", "keychain.access_code notin (ac1, null)",
                "capabilities bit 1", "capabilities bit 5", "capabilities bit 0", "capabilities bit 31",
                "capabilities bit 16", "secret eq 3",
                "count gt 0 and name like '%a%' and active eq true", "count ge -10 AND count le 10",
                "tags ne alpha and tags ne null and did_group_references.did_group_id ge 10");
    }

    @ParameterizedTest
    @MethodSource("filters")
    void everyOperatorGivesTheSameResult(String filter) {
        String order = TestSchemas.SORTABLE.get(Math.floorMod(filter.hashCode(), TestSchemas.SORTABLE.size()));
        String direction = filter.length() % 2 == 0 ? " desc" : "";
        long total = assertAgreement(TestSchemas.params("filter", filter, "order", order + direction, "limit", "1000"));
        assertThat(total).as("every listed filter selects some but not all documents").isBetween(1L, 999L);
        assertAgreement(TestSchemas.params("filter", filter, "order", order + direction, "offset", "7", "limit", "13"));
    }

    @Test
    void everySortKeyInBothDirectionsGivesTheSameOrder() {
        for (String field : TestSchemas.SORTABLE) {
            for (String direction : List.of("", " asc", " desc")) {
                assertAgreement(TestSchemas.params("order", field + direction, "limit", "1000"));
            }
        }
    }

    @Test
    void pagesAgreeAcrossTheWholeList() {
        for (int offset = 0; offset < 1010; offset += 97) {
            assertAgreement(TestSchemas.params("order", "name desc", "offset", String.valueOf(offset), "limit", "50"));
        }
        assertAgreement(TestSchemas.params("offset", "2000"));
    }

    /** Would backtrack exponentially as {@code .*a.*a...}: MongoDB would fail its regex match limit (a 500). */
    @Test
    void pathologicalLikePatternsStayFastOnBothBackEnds() {
        String manyAs = "name like '" + "%a".repeat(30) + "%b'";
        String manyWildcards = "name ilike '%" + "_%".repeat(30) + "'";
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertAgreement(TestSchemas.params("filter", manyAs, "limit", "1000"));
            assertAgreement(TestSchemas.params("filter", manyWildcards, "limit", "1000"));
        });
    }

    @Test
    void randomFiltersGiveTheSameResult() {
        RandomFilters filters = new RandomFilters(new Random(7), false);
        Random orders = new Random(8);
        for (int i = 0; i < 150; i++) {
            String order = TestSchemas.SORTABLE.get(orders.nextInt(TestSchemas.SORTABLE.size()));
            assertAgreement(TestSchemas.params("filter", filters.filter(),
                    "order", order + (orders.nextBoolean() ? " desc" : ""), "limit", "1000"));
        }
    }

    /** Asserts both back-ends give the same page and total, and returns the total. */
    private static long assertAgreement(Map<String, List<String>> params) {
        ListQuery query = ListQuery.from(params, TestSchemas.ROOMS);
        List<Object> fromMongo = new ArrayList<>();
        mongo.find(MongoQueries.toQuery(query), Document.class, COLLECTION).forEach(d -> fromMongo.add(d.get("_id")));
        long mongoTotal = mongo.count(MongoQueries.toCountQuery(query), COLLECTION);

        Page<Map<String, Object>> page = InMemoryQueries.apply(query, DOCUMENTS);
        List<Object> inMemory = new ArrayList<>();
        page.items().forEach(d -> inMemory.add(d.get("_id")));

        assertThat(inMemory).as("ids for %s", params).isEqualTo(fromMongo);
        assertThat(page.total()).as("total for %s", params).isEqualTo(mongoTotal);
        return mongoTotal;
    }
}
