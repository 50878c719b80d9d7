package org.conference.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.conference.common.api.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import reactor.core.publisher.Mono;

/** A change is written only at the version it was read at; a lost race is retried, and a 409 when it keeps losing. */
class OptimisticWritesTest {

    @RegisterExtension
    final TestMongo mongo = new TestMongo();

    @Test
    void replacesTheVersionReadAndRefusesAWriteFromAStaleRead() {
        Parcel read = mongo.insert(Parcel.first("p1", "first"));
        Parcel sameReadElsewhere = mongo.stored("p1");

        Parcel written = mongo.writes.replace(read, read.relabelled("second"), mongo.collection).block();

        assertThat(written.version()).isEqualTo(2);
        assertThatThrownBy(() -> mongo.writes.replace(sameReadElsewhere, sameReadElsewhere.relabelled("lost"),
                mongo.collection).block()).isInstanceOf(ConcurrentWriteException.class);

        assertThat(mongo.stored("p1")).extracting(Parcel::label, Parcel::version).containsExactly("second", 2L);
    }

    @Test
    void refusesANextStateThatIsNotTheNextVersionOfTheSameDocument() {
        Parcel read = mongo.insert(Parcel.first("p1", "first"));
        Parcel skipped = read.relabelled("skipped").relabelled("twice");
        Parcel other = Parcel.first("p2", "other").relabelled("other");

        assertThatThrownBy(() -> mongo.writes.replace(read, skipped, mongo.collection).block())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> mongo.writes.replace(read, other, mongo.collection).block())
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(mongo.stored("p1")).extracting(Parcel::label, Parcel::version).containsExactly("first", 1L);
    }

    @Test
    void aReadModifyWriteThatLostARaceReadsAgainAndWins() {
        mongo.insert(Parcel.first("p1", "first"));
        AtomicInteger attempts = new AtomicInteger();
        Mono<Parcel> relabel = Mono.defer(() -> {
            Parcel read = mongo.stored("p1");
            if (attempts.getAndIncrement() == 0) {
                // Another writer gets in between this attempt's read and its write.
                mongo.template.save(read.relabelled("theirs"), mongo.collection).block();
            }
            return mongo.writes.replace(read, read.relabelled(read.label() + "+mine"), mongo.collection);
        });

        Parcel written = OptimisticWrites.retryingConflicts(relabel).block();

        assertThat(attempts).hasValue(2);
        assertThat(written.label()).isEqualTo("theirs+mine");
        assertThat(mongo.stored("p1").version()).isEqualTo(3);
    }

    @Test
    void aWriterThatKeepsLosingGetsAConflictNamingTheVersion() {
        AtomicInteger attempts = new AtomicInteger();
        Mono<Object> alwaysLoses = Mono.defer(() -> {
            attempts.incrementAndGet();
            return Mono.error(new ConcurrentWriteException(mongo.collection, "p1"));
        });

        assertThatThrownBy(() -> OptimisticWrites.retryingConflicts(alwaysLoses).block())
                .isInstanceOfSatisfying(ApiException.class, conflict -> {
                    assertThat(conflict.status().value()).isEqualTo(409);
                    assertThat(conflict.body().errors()).singleElement()
                            .satisfies(error -> assertThat(error.field()).isEqualTo("version"));
                });
        assertThat(attempts).hasValue(9);
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        Mono<Object> broken = Mono.defer(() -> {
            attempts.incrementAndGet();
            return Mono.error(new IllegalStateException("broken"));
        });

        assertThatThrownBy(() -> OptimisticWrites.retryingConflicts(broken).block())
                .isInstanceOf(IllegalStateException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void bookkeepingWithoutANewVersionHappensOnlyAtTheVersionRead() {
        Parcel read = mongo.insert(Parcel.first("p1", "first"));
        var mark = new org.springframework.data.mongodb.core.query.Update().set("checked", true);

        mongo.writes.updateUnchanged(read, mark, mongo.collection).block();
        assertThat(mongo.raw("p1").getBoolean("checked")).isTrue();
        assertThat(mongo.stored("p1").version()).isEqualTo(1);

        mongo.template.save(read.relabelled("moved on"), mongo.collection).block();
        assertThatThrownBy(() -> mongo.writes.updateUnchanged(read, mark, mongo.collection).block())
                .isInstanceOf(ConcurrentWriteException.class);
    }
}
