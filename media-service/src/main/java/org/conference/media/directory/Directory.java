package org.conference.media.directory;

import java.util.List;

import org.conference.common.api.ApiException;
import org.conference.common.identity.Identity;
import org.conference.common.identity.Role;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/**
 * Who may see and change a subscriber's files (ARCHITECTURE.md §3.5), from the read model alone: the subscriber
 * itself; an administrator or operator above it reads them, only an administrator changes them. Anyone else gets
 * 404, so existence is never revealed; an operator who may read but not change gets 403.
 */
@Service
public class Directory {

    private final DirectoryStore store;

    Directory(DirectoryStore store) {
        this.store = store;
    }

    /** The owner if the caller may read its files, else 404. */
    public Mono<Owner> readable(Identity caller, String sid) {
        if (caller.sid().equals(sid)) {
            // the caller's own lineage is in its token, so its files work before the read model catches up
            return Mono.just(new Owner(sid, caller.lineage()));
        }
        return subscriber(sid)
                .filter(owner -> caller.role() == Role.SERVICE || caller.reaches(owner.sid(), owner.lineage()))
                .switchIfEmpty(Mono.error(ApiException.notFound("subscriber")));
    }

    /** The owner if the caller may change its files: 404 when it may not even read them, 403 when it only reads. */
    public Mono<Owner> writable(Identity caller, String sid) {
        return readable(caller, sid).flatMap(owner -> caller.sid().equals(sid) || caller.role() == Role.SERVICE
                || (caller.role() == Role.ADMINISTRATOR && owner.lineage().contains(caller.sid()))
                ? Mono.just(owner) : Mono.error(ApiException.forbidden()));
    }

    /** A subscriber as provisioning last published it; empty if unknown or deleted. */
    public Mono<Owner> subscriber(String sid) {
        return store.find(DirectoryEntries.SUBSCRIBERS, sid, DirectoryEntries.SubscriberEntry.class)
                .map(entry -> new Owner(entry.sid(), entry.lineage().isEmpty() ? List.of(sid) : entry.lineage()));
    }

    /** The owner of a meeting room; empty if the room is unknown (not yet seen, or deleted). */
    public Mono<Owner> roomOwner(long meetingNumber) {
        return store.find(DirectoryEntries.ROOMS, meetingNumber, DirectoryEntries.RoomEntry.class)
                .flatMap(room -> subscriber(room.subscriberSid())
                        .defaultIfEmpty(new Owner(room.subscriberSid(), List.of(room.subscriberSid()))));
    }
}
