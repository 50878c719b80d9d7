package org.conference.provisioning.didgroups;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

/** The DIDs a DID Group object shows ({@code dids}); the DIDs feature answers. */
public interface DidGroupMembers {

    /**
     * The live DIDs of each of {@code didGroupIds}, as DID objects, by group (one query for a whole page); a group
     * without DIDs may be missing from the map.
     */
    Mono<Map<Long, List<Object>>> byGroup(Collection<Long> didGroupIds);
}
