package org.conference.common.persistence;

import java.util.List;
import java.util.stream.Stream;

/**
 * What stored documents do only because of the MongoDB-wire server (de.bwaldvogel mongo-java-server) that tests and
 * the Docker-free local stack run instead of MongoDB. Real MongoDB needs none of it, and none of it changes a result
 * there. (The query language's other concession to it, {@code bit} as {@code $in}, is in
 * {@code org.conference.common.query.MongoQueries}.)
 */
public final class EmbeddedMongoFallback {

    /**
     * The elements of a unique-indexed array led by {@code ownElement}, a value no other document has, so the array is
     * never empty: the wire server cannot replace a document whose stored unique-indexed array is empty ("Expected one
     * element but got zero"). Being unique to the document, the extra element never collides.
     */
    public static List<String> neverEmptyUniqueArray(String ownElement, Stream<String> elements) {
        return Stream.concat(Stream.of(ownElement), elements).toList();
    }

    private EmbeddedMongoFallback() {
    }
}
