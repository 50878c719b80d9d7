package org.conference.meeting.directory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.conference.common.attributes.AttributeCatalog;
import org.conference.common.attributes.CallFlow;
import org.conference.meeting.directory.DirectoryEntries.DidEntry;
import org.conference.meeting.directory.DirectoryEntries.DidGroupEntry;
import org.conference.meeting.directory.DirectoryEntries.RoomEntry;
import org.conference.meeting.directory.DirectoryEntries.SubscriberEntry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Routes calls from the read model alone, so dial-ins keep working while provisioning-service is down: a dialled
 * number to its DID, group and reachable rooms; an access code to a room and role.
 */
@Service
public class Directory {

    private final DirectoryStore store;
    private final AttributeCatalog catalog = AttributeCatalog.standard();
    private final Cache<String, Mono<Route>> routes;
    private final Cache<Long, Mono<Keychains>> keychains;
    private final Cache<Keychains.Key, Mono<RoomAccess>> rooms;
    private final Duration freshFor;

    /**
     * {@code freshFor}: how long an answer read from the model is reused. A burst of callers into one room reads the
     * same DID, group and rooms; a provisioning change reaches routing at most that much later.
     */
    Directory(DirectoryStore store, @Value("${conference.directory.cache-ttl:PT1S}") Duration freshFor) {
        this.store = store;
        this.freshFor = freshFor;
        this.routes = Caffeine.newBuilder().expireAfterWrite(freshFor).maximumSize(10_000).build();
        this.keychains = Caffeine.newBuilder().expireAfterWrite(freshFor).maximumSize(10_000).build();
        this.rooms = Caffeine.newBuilder().expireAfterWrite(freshFor).maximumSize(10_000).build();
    }

    /** One read shared by every caller asking within {@code freshFor}; a failed read is not kept. */
    private <T> Mono<T> reused(Mono<T> read) {
        return read.cache(found -> freshFor, failure -> Duration.ZERO, () -> freshFor);
    }

    /** Digits only, {@code +} optional, as DIDs are stored (E.164 without the plus). */
    public static String normalise(String dialled) {
        return dialled == null ? "" : dialled.replaceAll("[^0-9]", "");
    }

    /** Empty when the number is no DID, its group is unknown, or no active room reference reaches the group. */
    public Mono<Route> route(String dialled) {
        String number = normalise(dialled);
        if (number.isEmpty()) {
            return Mono.empty();
        }
        return routes.get(number, this::readRoute);
    }

    private Mono<Route> readRoute(String number) {
        return reused(store.findAll(Query.query(Criteria.where("phoneNumber").is(number)).limit(1), DidEntry.class,
                        DirectoryEntries.DIDS).next()
                .flatMap(did -> store.find(DirectoryEntries.DID_GROUPS, did.didGroupId(), DidGroupEntry.class)
                        .flatMap(group -> routeThrough(did, group))));
    }

    private Mono<Route> routeThrough(DidEntry did, DidGroupEntry group) {
        Optional<CallFlow> flow = catalog.callFlow(group.callFlowId());
        if (flow.isEmpty()) {
            return Mono.empty();
        }
        return Mono.zip(roomsThrough(group.id()).collectList(), lineage(group.subscriberSid()))
                .filter(found -> !found.getT1().isEmpty())
                .map(found -> new Route(did.id(), group.id(), group.subscriberSid(), found.getT2(), flow.get(),
                        group.attributes(), did.attributes(),
                        catalog.effectiveValues(flow.get(), group.attributes(), did.attributes(), List.of()),
                        found.getT1().stream().map(RoomEntry::meetingNumber).toList()));
    }

    private Flux<RoomEntry> roomsThrough(long didGroupId) {
        return store.findAll(Query.query(Criteria.where("didGroupIds").is(didGroupId)), RoomEntry.class,
                DirectoryEntries.ROOMS);
    }

    /** The codes of every room reachable through the route's DID group. */
    public Mono<Keychains> keychains(Route route) {
        return keychains.get(route.didGroupId(), this::readKeychains);
    }

    private Mono<Keychains> readKeychains(long didGroupId) {
        return reused(roomsThrough(didGroupId)
                .flatMapIterable(room -> room.keychain().stream()
                        .map(key -> new Keychains.Key(room.meetingNumber(), key.accessCode(), key.role())).toList())
                .collectList().map(Keychains::new));
    }

    /** The room {@code key} opens, with the attributes in force and its owner; empty if the room is gone. */
    public Mono<RoomAccess> open(Route route, Keychains.Key key) {
        // keyed by the code alone: codes are unique per DID group, and a route's attributes are the group's and DID's
        return rooms.get(key, code -> reused(store.find(DirectoryEntries.ROOMS, key.meetingNumber(), RoomEntry.class)
                .flatMap(room -> access(route, room, key))));
    }

    private Mono<RoomAccess> access(Route route, RoomEntry room, Keychains.Key key) {
        Map<String, String> inForce = catalog.effectiveValues(route.callFlow(), route.didGroupAttributes(),
                route.didAttributes(), room.attributes());
        return store.find(DirectoryEntries.SUBSCRIBERS, room.subscriberSid(), SubscriberEntry.class)
                .map(Optional::of).defaultIfEmpty(Optional.empty())
                .map(owner -> new RoomAccess(room.meetingNumber(), key.accessCode(), key.role(), room.subscriberSid(),
                        owner.map(SubscriberEntry::lineage).filter(l -> !l.isEmpty())
                                .orElse(List.of(room.subscriberSid())),
                        owner.map(Directory::name).orElse(""), inForce));
    }

    private Mono<List<String>> lineage(String sid) {
        return store.find(DirectoryEntries.SUBSCRIBERS, sid, SubscriberEntry.class)
                .map(SubscriberEntry::lineage).filter(l -> !l.isEmpty())
                .defaultIfEmpty(List.of(sid));
    }

    private static String name(SubscriberEntry owner) {
        String first = owner.firstName() == null ? "" : owner.firstName();
        String last = owner.lastName() == null ? "" : owner.lastName();
        return (first + " " + last).trim();
    }
}
