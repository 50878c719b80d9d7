package org.conference.provisioning.didgroups;

import java.util.List;

import org.conference.common.query.Page;
import org.conference.provisioning.support.Embedding;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** DID Group objects as the API shows them, with their DIDs (one DID query a page). */
@Component
class DidGroupViews {

    private final DidGroupMembers dids;

    DidGroupViews(DidGroupMembers dids) {
        this.dids = dids;
    }

    /** As a create answers it: without its DIDs. */
    Mono<DidGroupView> withoutDids(Mono<DidGroupDocument> group) {
        return group.map(found -> DidGroupView.of(found, null));
    }

    Mono<DidGroupView> one(Mono<DidGroupDocument> group) {
        return Embedding.one(group, this::all);
    }

    Mono<Page<DidGroupView>> page(Mono<Page<DidGroupDocument>> page) {
        return Embedding.page(page, this::all);
    }

    private Mono<List<DidGroupView>> all(List<DidGroupDocument> groups) {
        return Embedding.views(groups, DidGroupDocument::id, dids::byGroup, DidGroupView::of);
    }
}
