package org.conference.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;

/**
 * A document stored with nothing else in its unique-indexed array can still be replaced on whichever MongoDB the tests
 * have (the wire server cannot replace one whose stored array is empty), and the array still refuses a shared element.
 */
class EmbeddedMongoFallbackTest {

    @RegisterExtension
    final TestMongo mongo = new TestMongo();

    @Test
    void aDocumentStoredWithNothingElseInItsUniqueArrayCanBeReplacedByOneWithElements() {
        uniqueCodes();
        Parcel first = mongo.insert(withCodes("p1", 1, Stream.empty()));
        mongo.insert(withCodes("p2", 1, Stream.empty()));

        Parcel replaced = mongo.writes.replace(first, withCodes("p1", 2, Stream.of("7:1234")), mongo.collection)
                .block();

        assertThat(replaced.version()).isEqualTo(2);
        assertThat(mongo.stored("p1").codes()).containsExactly("parcel:p1", "7:1234");
    }

    @Test
    void theArrayStillRefusesAnElementAnotherDocumentHas() {
        uniqueCodes();
        mongo.insert(withCodes("p1", 1, Stream.of("7:1234")));

        assertThatThrownBy(() -> mongo.insert(withCodes("p2", 1, Stream.of("7:1234"))))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(mongo.stored("p2")).isNull();
    }

    private void uniqueCodes() {
        mongo.template.indexOps(mongo.collection).createIndex(new Index("codes", Sort.Direction.ASC).unique()).block();
    }

    private static Parcel withCodes(String id, long version, Stream<String> codes) {
        return new Parcel(id, id, EmbeddedMongoFallback.neverEmptyUniqueArray("parcel:" + id, codes), version, false);
    }
}
