package org.conference.provisioning.subscribers;

import java.util.List;

import org.conference.common.events.DidGroupReference;
import org.conference.provisioning.support.DidGroupReferenceRequest;

import reactor.core.publisher.Mono;

/**
 * Which DID groups an owner may point at: its own and those of the subscribers above it. The DID groups feature
 * answers; this is all a subscriber needs to know of DID groups for its {@code didGroupReferences}.
 */
public interface ReachableDidGroups {

    /**
     * The references asked for (entries already checked field by field), each to a group the owner may use and
     * none twice; none asked for ({@code null}) is none. Otherwise a 422 naming {@code field}.
     */
    Mono<List<DidGroupReference>> references(List<DidGroupReferenceRequest> requested, List<String> ownerLineage,
            String field);
}
