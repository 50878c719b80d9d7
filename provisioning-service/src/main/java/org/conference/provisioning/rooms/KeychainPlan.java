package org.conference.provisioning.rooms;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.conference.common.api.ApiException;
import org.conference.common.events.MeetingKey;
import org.conference.provisioning.rooms.RoomRequests.MeetingKeyRequest;
import org.conference.provisioning.support.Counters;
import org.conference.provisioning.support.RandomIdentifiers;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Turns requested meeting keys (each already checked by its request's constraints) into a keychain: gives new keys
 * their ids, generates a code when one is omitted, and refuses one code twice in a room (a caller typing it could not
 * be told which role they are).
 */
@Component
class KeychainPlan {

    static final int GENERATED_DIGITS = 6;

    private final Counters counters;
    private final RandomIdentifiers random;

    KeychainPlan(Counters counters, RandomIdentifiers random) {
        this.counters = counters;
        this.random = random;
    }

    /** A requested key before it has an id: {@code accessCode} null when it is to be generated. */
    record RequestedKey(Long id, String accessCode, int role) {

        static RequestedKey of(MeetingKeyRequest request) {
            return new RequestedKey(request.id(), request.accessCode(), request.role());
        }
    }

    /** New ids for keys without one; generated access codes where none was given. */
    Mono<List<MeetingKey>> newKeys(List<RequestedKey> requested) {
        return Flux.fromIterable(requested)
                .concatMap(key -> counters.next("meetingKeys")
                        .map(id -> new MeetingKey(id, key.accessCode(), key.role())))
                .collectList()
                .map(this::complete);
    }

    /** A PUT's keychain replaces the room's ({@code null} empties it); entries naming one of its key ids keep it. */
    Mono<List<MeetingKey>> replaced(List<MeetingKey> current, List<MeetingKeyRequest> entries) {
        List<RequestedKey> fresh = new ArrayList<>();
        List<MeetingKey> kept = new ArrayList<>();
        for (MeetingKeyRequest entry : entries == null ? List.<MeetingKeyRequest>of() : entries) {
            RequestedKey key = RequestedKey.of(entry);
            if (key.id() != null && current.stream().anyMatch(k -> k.id() == key.id())) {
                kept.add(new MeetingKey(key.id(), key.accessCode(), key.role()));
            } else {
                fresh.add(key);
            }
        }
        return newKeys(fresh).map(added -> {
            List<MeetingKey> all = new ArrayList<>(kept);
            all.addAll(added);
            return complete(all);
        });
    }

    /** Fills in generated codes, avoiding the codes the room already uses; refuses duplicates among given codes. */
    List<MeetingKey> complete(List<MeetingKey> keys) {
        Set<String> used = new HashSet<>();
        for (MeetingKey key : keys) {
            if (key.accessCode() != null && !used.add(key.accessCode())) {
                throw ApiException.validation("keychain", "access code " + key.accessCode() + " is used twice");
            }
        }
        List<MeetingKey> completed = new ArrayList<>();
        for (MeetingKey key : keys) {
            String code = key.accessCode();
            while (code == null || (!code.equals(key.accessCode()) && !used.add(code))) {
                code = random.accessCode(GENERATED_DIGITS);
            }
            completed.add(new MeetingKey(key.id(), code, key.role()));
        }
        return completed;
    }
}
