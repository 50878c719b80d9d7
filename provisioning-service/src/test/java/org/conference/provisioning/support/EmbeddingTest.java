package org.conference.provisioning.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.conference.common.query.Page;
import org.junit.jupiter.api.Test;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A page of objects gets its related objects from one look-up, and each object only its own. */
class EmbeddingTest {

    private record Owner(String sid) {
    }

    private record Shown(String sid, List<?> rooms) {
    }

    private final List<List<String>> lookups = new ArrayList<>();

    private Mono<Map<String, List<Object>>> roomsByOwner(List<String> sids) {
        lookups.add(sids);
        return Embedding.byKey(Flux.just("a:101", "b:201", "a:102", "z:999"), room -> room.substring(0, 1),
                room -> room.substring(2));
    }

    private Mono<List<Shown>> views(List<Owner> owners) {
        return Embedding.views(owners, Owner::sid, this::roomsByOwner, (owner, rooms) -> new Shown(owner.sid(), rooms));
    }

    @Test
    void aWholePageIsLookedUpOnceAndEachItemGetsItsOwn() {
        var page = Embedding.page(Mono.just(new Page<>(List.of(new Owner("a"), new Owner("b"), new Owner("c")), 20,
                57)), this::views).block();

        assertThat(lookups).containsExactly(List.of("a", "b", "c"));
        assertThat(page.items()).containsExactly(new Shown("a", List.of("101", "102")), new Shown("b", List.of("201")),
                new Shown("c", List.of()));
        assertThat(page.offset()).isEqualTo(20);
        assertThat(page.total()).isEqualTo(57);
    }

    @Test
    void oneItemIsShownAsInAPage() {
        assertThat(Embedding.one(Mono.just(new Owner("b")), this::views).block())
                .isEqualTo(new Shown("b", List.of("201")));
        assertThat(Embedding.one(Mono.<Owner>empty(), this::views).blockOptional()).isEmpty();
    }

    @Test
    void anEmptyPageLooksNothingUp() {
        var page = Embedding.page(Mono.just(new Page<Owner>(List.of(), 0, 0)), this::views).block();

        assertThat(page.items()).isEmpty();
        assertThat(lookups).isEmpty();
    }
}
