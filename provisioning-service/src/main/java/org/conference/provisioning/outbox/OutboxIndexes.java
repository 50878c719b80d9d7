package org.conference.provisioning.outbox;

import java.util.List;

import org.conference.provisioning.support.CollectionIndex;
import org.conference.provisioning.support.IndexDeclarations;
import org.springframework.stereotype.Component;

/** The relay looks for pending publications in every published collection. */
@Component
class OutboxIndexes implements IndexDeclarations {

    private final List<PublishedCollection<?>> collections;

    OutboxIndexes(List<PublishedCollection<?>> collections) {
        this.collections = collections;
    }

    @Override
    public List<CollectionIndex> indexes() {
        return collections.stream()
                .map(published -> CollectionIndex.ascending(published.collection(), "outbox.pending"))
                .toList();
    }
}
