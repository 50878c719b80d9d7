package org.conference.bench.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.conference.common.query.Filter;
import org.conference.common.query.InMemoryQueries;
import org.conference.common.query.ListQuery;
import org.conference.common.query.MongoQueries;
import org.conference.common.query.Page;
import org.conference.common.query.ResourceSchema;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the query language costs per request: parsing a five-clause filter (one clause of each kind of work: a regex,
 * a numeric comparison, a nested path, a list, a bitmask) and translating it into the MongoDB query document.
 * {@code inMemoryPageOf1000} shows the in-memory back-end's cost for a list of 1,000 objects.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class QueryParseBenchmark {

    static final ResourceSchema ROOMS = ResourceSchema.builder()
            .integer("meeting_room_id", "_id").id()
            .string("name")
            .integer("capacity")
            .string("status")
            .string("keychain.access_code", "keychain.accessCode").notSortable()
            .bitmask("capabilities", 5)
            .build();

    static final String FILTER = "name ilike \"Board%\" and capacity ge 10 and keychain.access_code eq '123456'"
            + " and status in (active, \"on hold\") and capabilities bit 5";

    private Map<String, List<String>> params;
    private Filter parsed;
    private ListQuery query;
    private List<Map<String, Object>> rooms;

    @Setup
    public void setUp() {
        params = new LinkedHashMap<>();
        params.put("filter", List.of(FILTER));
        params.put("order", List.of("name desc"));
        params.put("offset", List.of("20"));
        params.put("limit", List.of("10"));
        parsed = Filter.parse(FILTER, ROOMS);
        query = ListQuery.from(params, ROOMS);
        rooms = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            rooms.add(Map.of("_id", (long) i, "name", (i % 3 == 0 ? "board " : "team ") + i, "capacity", i % 50,
                    "status", i % 4 == 0 ? "on hold" : "active",
                    "keychain", Map.of("accessCode", i % 7 == 0 ? "123456" : "1"),
                    "capabilities", i % 32));
        }
    }

    /** Text to typed AST only. */
    @Benchmark
    public Filter parse() {
        return Filter.parse(FILTER, ROOMS);
    }

    /** The headline number: filter text to the MongoDB criteria document. */
    @Benchmark
    public Document parseAndTranslate() {
        return MongoQueries.toCriteria(Filter.parse(FILTER, ROOMS)).getCriteriaObject();
    }

    /** Translation of an already parsed filter. */
    @Benchmark
    public Document translate() {
        return MongoQueries.toCriteria(parsed).getCriteriaObject();
    }

    /** A whole list request: query parameters to the criteria and sort documents MongoDB receives. */
    @Benchmark
    public Object listRequestToMongoQuery() {
        var mongo = MongoQueries.toQuery(ListQuery.from(params, ROOMS));
        return new Object[] {mongo.getQueryObject(), mongo.getSortObject()};
    }

    @Benchmark
    public Page<Map<String, Object>> inMemoryPageOf1000() {
        return InMemoryQueries.apply(query, rooms);
    }
}
