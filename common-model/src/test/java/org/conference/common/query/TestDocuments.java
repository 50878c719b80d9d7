package org.conference.common.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random documents shaped like {@link TestSchemas#ROOMS} declares them, with every awkward case the semantics must
 * agree on: missing and null fields, mixed numeric types, empty arrays, arrays of objects with missing or null members,
 * a scalar where an object is expected, and strings with quotes, wildcards, backslashes, accents and line breaks.
 * Strings stay in the Basic Multilingual Plane and numbers below 2^53: outside those the MongoDB-wire server used
 * without Docker compares differently from MongoDB (UTF-16 order, doubles), not this code.
 */
final class TestDocuments {

    static final List<String> WORDS = List.of("alpha", "Alpha", "ALPHA", "beta", "Beta room", "gamma_1", "gamma%2",
            "delta's", "say \"hi\"", "back\\slash", "", "zeta", "\u00e9mile", "\u00c9MILE", "\u00d6laf", "line\nbreak",
            "123", "0123", "m", "Beta");

    private final Random random;

    TestDocuments(Random random) {
        this.random = random;
    }

    /** {@code count} documents with ids 1..count, in shuffled order so that insertion order is not id order. */
    static List<Map<String, Object>> generate(long seed, int count) {
        TestDocuments generator = new TestDocuments(new Random(seed));
        List<Map<String, Object>> documents = new ArrayList<>();
        for (long id = 1; id <= count; id++) {
            documents.add(generator.document(id));
        }
        Collections.shuffle(documents, new Random(seed + 1));
        return documents;
    }

    Map<String, Object> document(long id) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("_id", id);
        maybe(doc, "name", this::word);
        maybe(doc, "count", () -> random.nextBoolean() ? (Object) (random.nextInt(101) - 50)
                : (long) random.nextInt(101) - 50);
        maybe(doc, "score", this::score);
        maybe(doc, "active", random::nextBoolean);
        maybe(doc, "capabilities", this::capabilities);
        maybe(doc, "keychain", this::keychain);
        maybe(doc, "didGroupReferences", this::references);
        maybe(doc, "tags", this::tags);
        maybe(doc, "callback", this::callback);
        maybe(doc, "notes", this::word);
        maybe(doc, "secret", () -> random.nextInt(10));
        return doc;
    }

    String word() {
        int pick = random.nextInt(WORDS.size() + 4);
        return pick < WORDS.size() ? WORDS.get(pick)
                : WORDS.get(random.nextInt(WORDS.size())) + " " + random.nextInt(20);
    }

    /** Absent one time in ten, null one time in twenty, otherwise the generated value. */
    private void maybe(Map<String, Object> doc, String key, java.util.function.Supplier<Object> value) {
        int roll = random.nextInt(20);
        if (roll < 2) {
            return;
        }
        doc.put(key, roll == 2 ? null : value.get());
    }

    private Object score() {
        return random.nextInt(4) == 0 ? (Object) (random.nextInt(21) - 10) : (random.nextInt(41) - 20) / 2.0;
    }

    private Object capabilities() {
        int roll = random.nextInt(20);
        if (roll == 0) {
            return 32 + random.nextInt(8); // outside the declared 5 bits: never matches bit
        }
        return roll == 1 ? (Object) (double) random.nextInt(32) : random.nextInt(32);
    }

    private Object keychain() {
        int roll = random.nextInt(10);
        return switch (roll) {
            case 0 -> new LinkedHashMap<>();
            case 1 -> nullableMap("accessCode", null);
            case 2 -> "not-an-object";
            case 3 -> new ArrayList<>(List.of(accessCodeMap(), accessCodeMap()));
            default -> accessCodeMap();
        };
    }

    private Map<String, Object> accessCodeMap() {
        return nullableMap("accessCode", "ac" + random.nextInt(30));
    }

    private Object references() {
        int size = random.nextInt(4);
        List<Object> refs = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            int roll = random.nextInt(10);
            Object id = roll == 1 ? null : (long) random.nextInt(20) + 1;
            refs.add(roll == 0 ? new LinkedHashMap<>() : nullableMap("didGroupId", id));
        }
        return refs;
    }

    private Object tags() {
        if (random.nextInt(5) == 0) {
            return word();
        }
        List<Object> tags = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            tags.add(random.nextInt(10) == 0 ? null : word());
        }
        return tags;
    }

    private Object callback() {
        int roll = random.nextInt(10);
        return roll == 0 ? new LinkedHashMap<>() : nullableMap("url", roll == 1 ? null
                : (random.nextBoolean() ? "https://" : "HTTP://") + "host" + random.nextInt(5) + ".example/" + word());
    }

    private static Map<String, Object> nullableMap(String key, Object value) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(key, value);
        return map;
    }
}
