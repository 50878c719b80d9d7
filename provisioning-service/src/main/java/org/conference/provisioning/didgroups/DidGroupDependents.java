package org.conference.provisioning.didgroups;

import org.conference.common.persistence.Dependent;

import reactor.core.publisher.Mono;

/**
 * Something that uses a DID group and so forbids deleting it (rooms reached through it, DIDs in it). Each feature
 * answers for its own collection; empty when nothing there uses the group.
 */
public interface DidGroupDependents {

    /** One thing that still uses DID group {@code didGroupId}, e.g. "DID" / "17". */
    Mono<Dependent> firstUsing(long didGroupId);
}
