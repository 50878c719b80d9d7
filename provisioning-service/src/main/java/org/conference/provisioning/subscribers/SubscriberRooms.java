package org.conference.provisioning.subscribers;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

/** The meeting rooms a Subscriber object shows ({@code meetingRooms}); the rooms feature answers. */
public interface SubscriberRooms {

    /**
     * The live rooms of each of {@code sids}, as Meeting Room objects, by owner (one query for a whole page);
     * a subscriber without rooms may be missing from the map.
     */
    Mono<Map<String, List<Object>>> byOwner(Collection<String> sids);
}
