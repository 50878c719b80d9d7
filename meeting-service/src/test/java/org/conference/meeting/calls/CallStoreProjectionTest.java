package org.conference.meeting.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.conference.meeting.meetings.RosterProjection.Change;
import org.conference.meeting.rules.CallLine;
import org.conference.meeting.rules.Participant;
import org.conference.testsupport.BackingServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

import reactor.core.publisher.Mono;

/**
 * A relay round's Calls written as one unordered bulk write: every Call of the round is brought up to date, a change
 * older than what a Call already shows changes nothing, and the round costs one command per kind of write, not one
 * per Call.
 */
class CallStoreProjectionTest {

    private static final long MEETING = 273751;

    private final String database = "calls_projection_" + UUID.randomUUID().toString().replace("-", "");
    private final List<String> commands = Collections.synchronizedList(new ArrayList<>());
    private MongoClient client;
    private ReactiveMongoTemplate mongo;
    private CallStore store;

    @BeforeEach
    void connect() {
        CommandListener writes = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                commands.add(event.getCommandName());
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(BackingServices.mongo().uri(database)))
                .addCommandListener(writes).build());
        mongo = new ReactiveMongoTemplate(client, database);
        store = new CallStore(mongo);
    }

    @AfterEach
    void drop() {
        mongo.getMongoDatabase().flatMap(db -> Mono.from(db.drop())).block();
        client.close();
    }

    @Test
    void oneRoundBringsEveryCallUpToDateInOneWriteEachAndAnOlderChangeChangesNothing() {
        waiting(1, 0);
        waiting(2, 0);
        waiting(3, 7);
        waiting(4, 3);
        commands.clear();

        store.project(List.of(joined(5, 1, "1111", 1), joined(5, 2, "2222", 2), joined(6, 3, "2222", 2),
                new Change(5, 4, MEETING, "owner", List.of("root", "owner"), null))).block();
        List<String> written = List.copyOf(commands);

        assertThat(raw(1)).containsEntry("state", 2).containsEntry("meetingNumber", MEETING)
                .containsEntry("accessCode", "1111").containsEntry("role", 1).containsEntry("ownerSid", "owner")
                .containsEntry("ownerLineage", List.of("root", "owner")).containsEntry("meetingVersion", 5L)
                .containsEntry("caller", "+1212555000" + 1);
        assertThat(raw(2)).containsEntry("state", 2).containsEntry("role", 2).containsEntry("meetingVersion", 5L);
        assertThat(raw(3)).as("a Call already at a newer meeting version").containsEntry("state", 1)
                .containsEntry("meetingVersion", 7L).doesNotContainKey("meetingNumber");
        assertThat(raw(4)).as("a Call that is over").isNull();
        assertThat(written).containsExactlyInAnyOrder("update", "delete");
    }

    @Test
    void aRoundWithoutCallsWritesNothing() {
        waiting(1, 0);
        commands.clear();

        store.project(List.of()).block();

        assertThat(commands).isEmpty();
        assertThat(raw(1)).containsEntry("state", 1);
    }

    private void waiting(long callId, long meetingVersion) {
        mongo.insert(new Document("_id", callId).append("edgeCallId", "edge-" + callId).append("state", 1)
                .append("caller", "+1212555000" + callId).append("meetingVersion", meetingVersion),
                CallDocument.COLLECTION).block();
    }

    private static Change joined(long version, long callId, String accessCode, int role) {
        CallLine line = new CallLine("+1212555000" + callId, "15162065318", "+1212555000" + callId,
                "<sip:15162065318@127.0.0.1>", "PCMU", "127.0.0.1", "SIM-1");
        Participant participant = new Participant(callId, "edge-" + callId, 1_000, line, role, accessCode, 2_000, 0,
                0, "", 0, 0, 0, 0);
        return new Change(version, callId, MEETING, "owner", List.of("root", "owner"), participant);
    }

    private Document raw(long callId) {
        return mongo.findById(callId, Document.class, CallDocument.COLLECTION).block();
    }
}
