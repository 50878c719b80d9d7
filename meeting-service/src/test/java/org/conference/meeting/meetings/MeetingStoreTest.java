package org.conference.meeting.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

import org.bson.BsonDocument;
import org.conference.common.events.MeetingEvent;
import org.conference.common.events.TelephonyCommand;
import org.conference.meeting.meetings.MeetingDocument.PendingCommand;
import org.conference.meeting.meetings.MeetingDocument.PendingProjection;
import org.conference.meeting.meetings.MeetingStore.RelayMarks;
import org.conference.testsupport.BackingServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

import reactor.core.publisher.Mono;

/**
 * The meeting documents: what the relay records after publishing (its marks only grow, what it published leaves the
 * document, so an ended meeting does not keep its last batch for good, and what it has not published stays), writes
 * at the version read, and a document kept from the last read or write used only while nobody wrote a newer one.
 */
class MeetingStoreTest {

    private static final long MEETING = 273751;

    private final String database = "meeting_store_" + UUID.randomUUID().toString().replace("-", "");
    private final List<BsonDocument> finds = Collections.synchronizedList(new ArrayList<>());
    private final MongoClient client = MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(BackingServices.mongo().uri(database)))
            .addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    if ("find".equals(event.getCommandName())) {
                        finds.add(event.getCommand().clone());
                    }
                }
            }).build());
    private final ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(client, database);
    private final MeetingStore store = new MeetingStore(mongo);
    private final MongoClient otherClient = MongoClients.create(BackingServices.mongo().uri(database));
    private final MeetingStore otherInstance = new MeetingStore(new ReactiveMongoTemplate(otherClient, database));

    @AfterEach
    void drop() {
        mongo.getMongoDatabase().flatMap(db -> Mono.from(db.drop())).block();
        client.close();
        otherClient.close();
    }

    @Test
    void aKeptDocumentIsUsedOnlyWhileTheStoredOneIsAtItsVersion() {
        assertThat(store.write(0, owing(1, 2, 1, List.of(1L))).block()).isTrue();
        finds.clear();

        assertThat(store.find(MEETING).block().sequence()).isEqualTo(2);
        assertThat(finds).as("the version and marks, not the whole document").singleElement()
                .satisfies(find -> assertThat(find.getDocument("projection").keySet())
                        .containsExactlyInAnyOrder("version", "pending", "publishedThrough",
                                "commandsPublishedThrough", "projectedThrough", "deadlineMirrored"));

        // another instance (or an API request there) writes a newer version: this one reads it whole
        MeetingDocument theirs = otherInstance.find(MEETING).block();
        assertThat(otherInstance.write(theirs.version(), owing(2, 5, 1, List.of(2L))).block()).isTrue();
        finds.clear();
        MeetingDocument read = store.find(MEETING).block();
        assertThat(read.version()).isEqualTo(2);
        assertThat(read.sequence()).isEqualTo(5);
        assertThat(read.unpublishedEvents()).hasSize(5);
        assertThat(finds).hasSize(2);

        // a write that lost its race keeps nothing stale
        assertThat(store.write(1, owing(2, 9, 1, List.of(2L))).block()).isFalse();
        assertThat(store.find(MEETING).block().sequence()).isEqualTo(5);

        mongo.remove(new Query(), MeetingDocument.COLLECTION).block();
        assertThat(store.find(MEETING).blockOptional()).as("a deleted document").isEmpty();
    }

    @Test
    void thePublishedPartLeavesTheDocumentTheRestStaysAndTheVersionIsTheWriters() {
        assertThat(store.write(0, owing(1, 3, 2, List.of(1L, 1L, 2L))).block()).isTrue();

        assertThat(store.relayed(MEETING, 1, new RelayMarks(2, 1, 1, 5_000, true)).block()).as("nothing written since").isTrue();

        MeetingDocument relayed = store.find(MEETING).block();
        assertThat(relayed.events()).extracting(MeetingEvent::sequence).containsExactly(3L);
        assertThat(relayed.unpublishedEvents()).extracting(MeetingEvent::sequence).containsExactly(3L);
        assertThat(relayed.commands()).extracting(PendingCommand::number).containsExactly(2L);
        assertThat(relayed.projections()).extracting(PendingProjection::version).containsExactly(2L);
        assertThat(relayed.publishedThrough()).isEqualTo(2);
        assertThat(relayed.commandsPublishedThrough()).isEqualTo(1);
        assertThat(relayed.projectedThrough()).isEqualTo(1);
        assertThat(relayed.version()).isEqualTo(1);
        assertThat(relayed.pending()).isFalse();
        assertThat(relayed.deadlineMirrored()).as("the timer's mark, read fresh beside a kept document")
                .isEqualTo(5_000);

        // a late relay of an older round lowers no mark and brings nothing back
        store.relayed(MEETING, 1, new RelayMarks(1, 0, 0, 5_000, false)).block();
        MeetingDocument late = store.find(MEETING).block();
        assertThat(late.publishedThrough()).isEqualTo(2);
        assertThat(late.events()).extracting(MeetingEvent::sequence).containsExactly(3L);

        assertThat(store.write(1, owing(2, 4, 2, List.of(2L))).block()).as("the writer's check at the version read")
                .isTrue();
        assertThat(store.write(1, owing(2, 4, 2, List.of(2L))).block()).isFalse();
        assertThat(store.find(MEETING).block().publishedThrough()).as("writers never set the marks").isEqualTo(2);

        // a relay of version 1 after version 2 was written: its marks count, but the document stays pending
        assertThat(store.relayed(MEETING, 1, new RelayMarks(3, 2, 1, 7_000, true)).block()).isFalse();
        MeetingDocument newer = store.find(MEETING).block();
        assertThat(newer.pending()).isTrue();
        assertThat(newer.publishedThrough()).isEqualTo(3);
        assertThat(newer.deadlineMirrored()).isEqualTo(7_000);
        assertThat(newer.unpublishedEvents()).extracting(MeetingEvent::sequence).containsExactly(4L);
        assertThat(newer.unsentCommands()).isEmpty();
        assertThat(newer.unappliedProjections()).extracting(PendingProjection::version).containsExactly(2L);
    }

    /** A meeting document at {@code version} owing events 1..events, commands 1..commands and those projections. */
    private static MeetingDocument owing(long version, int events, int commands, List<Long> projectionVersions) {
        List<MeetingEvent> pendingEvents = LongStream.rangeClosed(1, events)
                .mapToObj(sequence -> new MeetingEvent("event-" + sequence, MeetingEvent.CALL_JOINED, 1_000,
                        sequence, MEETING, "owner", Map.of()))
                .toList();
        List<PendingCommand> pendingCommands = LongStream.rangeClosed(1, commands)
                .mapToObj(number -> new PendingCommand(number,
                        new TelephonyCommand("command-" + number, TelephonyCommand.JOIN, "edge-1", 1_000, "273751")))
                .toList();
        List<PendingProjection> projections = projectionVersions.stream()
                .map(projected -> new PendingProjection(projected, 10 + projected, MEETING, "owner", List.of("owner"),
                        null))
                .toList();
        return new MeetingDocument(MEETING, false, null, "owner", List.of("owner"), 0, events, 0, pendingEvents,
                commands, 0, pendingCommands, 0, projections, MeetingDeadlines.NONE, true, version);
    }
}
