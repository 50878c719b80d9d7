package org.conference.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.query.Criteria;

import reactor.core.publisher.Mono;

/**
 * Flag, look for dependents, then delete or unflag; and a create that checks its target after writing. Whichever way
 * a deletion and a create interleave, nothing is left pointing at a deleted document.
 */
class GuardedDeletionTest {

    @RegisterExtension
    final TestMongo mongo = new TestMongo();
    private final GuardedDeletion deletions = new GuardedDeletion(mongo.template, mongo.writes);
    private final String dependents = mongo.collection + "_dependents";

    @Test
    void deletesWhatNothingDependsOn() {
        Parcel read = mongo.insert(Parcel.first("target", "t"));

        Parcel deleted = delete(read, Mono.empty()).block();

        assertThat(deleted.deleted()).isTrue();
        assertThat(mongo.stored("target")).extracting(Parcel::deleted, Parcel::version).containsExactly(true, 2L);
        assertThat(mongo.raw("target")).doesNotContainKey(GuardedDeletion.DELETING);
    }

    @Test
    void refusesNamingTheDependentAndLeavesTheTargetAsItWas() {
        Parcel read = mongo.insert(Parcel.first("target", "t"));

        assertThatThrownBy(() -> delete(read, Mono.just(new Dependent("meeting room", "273751"))).block())
                .hasMessage("still used by meeting room 273751");

        assertThat(mongo.stored("target")).isEqualTo(read);
        assertThat(mongo.raw("target")).doesNotContainKey(GuardedDeletion.DELETING);
        assertThat(deletions.allRemain(mongo.collection, List.of("target")).block()).isTrue();
    }

    @Test
    void looksForDependentsOnlyOnceTheTargetIsFlagged() {
        Parcel read = mongo.insert(Parcel.first("target", "t"));
        AtomicReference<Boolean> remainedDuringTheSearch = new AtomicReference<>();
        Mono<Dependent> search = deletions.allRemain(mongo.collection, List.of("target"))
                .doOnNext(remainedDuringTheSearch::set).then(Mono.empty());

        delete(read, search).block();

        assertThat(remainedDuringTheSearch).hasValue(false);
    }

    @Test
    void aDeletionFromAStaleReadChangesNothing() {
        Parcel read = mongo.insert(Parcel.first("target", "t"));
        mongo.template.save(read.relabelled("changed meanwhile"), mongo.collection).block();
        AtomicBoolean searched = new AtomicBoolean();

        assertThatThrownBy(() -> delete(read, Mono.fromRunnable(() -> searched.set(true))).block())
                .isInstanceOf(ConcurrentWriteException.class);

        assertThat(searched).isFalse();
        assertThat(mongo.stored("target")).extracting(Parcel::label, Parcel::deleted)
                .containsExactly("changed meanwhile", false);
        assertThat(mongo.raw("target")).doesNotContainKey(GuardedDeletion.DELETING);
    }

    @Test
    void onlyLiveDocumentsThatAreNotBeingDeletedRemain() {
        mongo.insert(Parcel.first("live", "l"));
        mongo.insert(Parcel.first("gone", "g").deletedVersion());

        assertThat(deletions.allRemain(mongo.collection, List.of("live")).block()).isTrue();
        assertThat(deletions.allRemain(mongo.collection, List.of("live", "live")).block()).isTrue();
        assertThat(deletions.allRemain(mongo.collection, List.of()).block()).isTrue();
        assertThat(deletions.allRemain(mongo.collection, List.of("live", "gone")).block()).isFalse();
        assertThat(deletions.allRemain(mongo.collection, List.of("live", "never stored")).block()).isFalse();
    }

    @Test
    void aCreateKeepsItsWriteWhileItsTargetsRemain() {
        AtomicBoolean takenBack = new AtomicBoolean();

        String kept = GuardedCreation.keepIfTargetsRemain("written", Mono.just(true),
                written -> Mono.fromRunnable(() -> takenBack.set(true)), IllegalStateException::new).block();

        assertThat(kept).isEqualTo("written");
        assertThat(takenBack).isFalse();
    }

    @Test
    void aCreateWhoseTargetWentAwayTakesItsWriteBackAndFails() {
        AtomicReference<String> takenBack = new AtomicReference<>();

        assertThatThrownBy(() -> GuardedCreation.keepIfTargetsRemain("written", Mono.just(false),
                written -> Mono.fromRunnable(() -> takenBack.set(written)),
                () -> new IllegalStateException("target gone")).block())
                .hasMessage("target gone");
        assertThat(takenBack).hasValue("written");
    }

    @Test
    void aCreateThatRunsWhileItsTargetIsBeingDeletedBacksOutAndTheDeletionGoesAhead() {
        Parcel target = mongo.insert(Parcel.first("target", "t"));
        // The create runs entirely between the deletion's flag and its search for dependents.
        Mono<Dependent> createThenSearch = createDependent("late", "target").onErrorResume(gone -> Mono.empty())
                .then(firstLiveDependentOf("target"));

        delete(target, createThenSearch).block();

        assertThat(mongo.stored("target").deleted()).isTrue();
        assertThat(mongo.template.findById("late", Parcel.class, dependents).block().deleted()).isTrue();
    }

    @Test
    void aCreateThatWroteBeforeTheDeletionFlaggedItsTargetKeepsItAndTheDeletionIsRefused() {
        Parcel target = mongo.insert(Parcel.first("target", "t"));
        Parcel early = mongo.template.insert(new Parcel("early", "target", List.of(), 1, false), dependents).block();

        assertThatThrownBy(() -> delete(target, firstLiveDependentOf("target")).block())
                .hasMessage("still used by parcel early");
        Parcel kept = GuardedCreation.keepIfTargetsRemain(early,
                deletions.allRemain(mongo.collection, List.of("target")), this::takeBack,
                () -> new IllegalStateException("target gone")).block();

        assertThat(kept).isEqualTo(early);
        assertThat(mongo.stored("target").deleted()).isFalse();
    }

    private Mono<Parcel> delete(Parcel target, Mono<Dependent> firstDependent) {
        return deletions.deleteUnlessDepended(target, mongo.collection, firstDependent,
                dependent -> new IllegalStateException("still used by " + dependent.what() + " " + dependent.id()),
                current -> mongo.writes.replace(current, current.deletedVersion(), mongo.collection));
    }

    /** A dependent whose label names its target: written first, then its target checked. */
    private Mono<Parcel> createDependent(String id, String targetId) {
        return mongo.template.insert(new Parcel(id, targetId, List.of(), 1, false), dependents)
                .flatMap(written -> GuardedCreation.keepIfTargetsRemain(written,
                        deletions.allRemain(mongo.collection, List.of(targetId)), this::takeBack,
                        () -> new IllegalStateException("target gone")));
    }

    private Mono<Parcel> takeBack(Parcel written) {
        return mongo.writes.replace(written, written.deletedVersion(), dependents);
    }

    private Mono<Dependent> firstLiveDependentOf(String targetId) {
        return mongo.template.findOne(SoftDeletion.liveWhere(Criteria.where("label").is(targetId)), Parcel.class,
                dependents).map(found -> new Dependent("parcel", found.id()));
    }
}
