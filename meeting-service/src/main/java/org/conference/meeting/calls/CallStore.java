package org.conference.meeting.calls;

import java.util.List;

import org.bson.Document;
import org.conference.meeting.calls.CallDocument.LobbyState;
import org.conference.meeting.meetings.RosterProjection.Change;
import org.conference.meeting.rules.Participant;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The call documents and the two guarded ways they change: the lobby's writes at the lobby version it read, and a
 * meeting's projections only with a newer meeting version (so a late projection never brings back a call that
 * already left).
 */
@Component
class CallStore implements InitializingBean {

    private final ReactiveMongoTemplate mongo;

    CallStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Start-up: the unique edge call id makes a redelivered offer harmless. */
    @Override
    public void afterPropertiesSet() {
        Flux.concat(
                mongo.indexOps(CallDocument.COLLECTION).createIndex(new Index("edgeCallId", Direction.ASC).unique()),
                mongo.indexOps(CallDocument.COLLECTION).createIndex(new Index("ownerLineage", Direction.ASC)),
                // the usual list: the calls of one meeting
                mongo.indexOps(CallDocument.COLLECTION).createIndex(new Index("meetingNumber", Direction.ASC)))
                .then().block();
    }

    /** False when a call with this edge call id already exists (a redelivered offer). */
    Mono<Boolean> insert(CallDocument call) {
        return mongo.insert(call, CallDocument.COLLECTION).thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, again -> Mono.just(false));
    }

    Mono<CallDocument> byEdgeCallId(String edgeCallId) {
        return mongo.findOne(Query.query(Criteria.where("edgeCallId").is(edgeCallId)), CallDocument.class,
                CallDocument.COLLECTION);
    }

    Mono<CallDocument> byId(long id) {
        return mongo.findById(id, CallDocument.class, CallDocument.COLLECTION);
    }

    Mono<Long> count(Query query) {
        return mongo.count(query, CallDocument.class, CallDocument.COLLECTION);
    }

    /** Replaces the lobby state if nobody changed it since {@code read}; false when somebody did. */
    Mono<Boolean> updateLobby(CallDocument read, LobbyState next) {
        Query unchanged = Query.query(Criteria.where("_id").is(read.id()).and("lobby.version")
                .is(read.lobby().version()));
        Document lobby = new Document();
        mongo.getConverter().write(next, lobby);
        lobby.remove("_class");
        return mongo.updateFirst(unchanged, new Update().set("lobby", lobby), CallDocument.COLLECTION)
                .map(result -> result.getMatchedCount() == 1);
    }

    /** Removes a call that never got into a meeting, if the lobby still holds it as read. */
    Mono<Boolean> removeWaiting(CallDocument read) {
        Query unchanged = Query.query(Criteria.where("_id").is(read.id()).and("lobby.version")
                .is(read.lobby().version()).and("meetingVersion").is(0L));
        return mongo.remove(unchanged, CallDocument.COLLECTION).map(result -> result.getDeletedCount() == 1);
    }

    /**
     * A relay round's Calls in one unordered bulk write, not one command per Call: each update or delete still
     * applies only over an older meeting version, so their order does not matter and a stale one changes nothing.
     */
    Mono<Void> project(List<Change> changes) {
        if (changes.isEmpty()) {
            return Mono.empty();
        }
        ReactiveBulkOperations bulk = mongo.bulkOps(BulkMode.UNORDERED, CallDocument.COLLECTION);
        for (Change change : changes) {
            Query older = olderThan(change.callId(), change.version());
            if (change.over()) {
                bulk.remove(older);
            } else {
                bulk.updateOne(older, joined(change));
            }
        }
        return bulk.execute().then();
    }

    private static Update joined(Change change) {
        Participant call = change.participant();
        return new Update().set("state", 2).set("meetingNumber", change.meetingNumber())
                .set("accessCode", call.accessCode()).set("role", call.role()).set("joined", call.joined())
                .set("customName", call.customName()).set("gainLevel", call.gainLevel())
                .set("muteMode", call.muteMode()).set("holdMode", call.holdMode())
                .set("presenterMedia", call.presenterMedia()).set("connectionStatus", call.connectionStatus())
                .set("qaMode", call.qaMode()).set("caller", call.line().caller()).set("callee", call.line().callee())
                .set("addressFrom", call.line().addressFrom()).set("addressTo", call.line().addressTo())
                .set("codec", call.line().codec()).set("nodeName", call.line().nodeName())
                .set("ownerSid", change.ownerSid()).set("ownerLineage", change.ownerLineage())
                .set("meetingVersion", change.version());
    }

    private static Query olderThan(long callId, long version) {
        return Query.query(Criteria.where("_id").is(callId).and("meetingVersion").lt(version));
    }
}
