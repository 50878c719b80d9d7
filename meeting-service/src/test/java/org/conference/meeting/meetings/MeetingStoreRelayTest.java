package org.conference.meeting.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

import org.conference.common.events.MeetingEvent;
import org.conference.common.events.TelephonyCommand;
import org.conference.meeting.meetings.MeetingDocument.PendingCommand;
import org.conference.meeting.meetings.MeetingDocument.PendingProjection;
import org.conference.testsupport.BackingServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

import reactor.core.publisher.Mono;

/**
 * What the relay records after publishing: its marks only grow, what it published leaves the document (so an ended
 * meeting does not keep its last batch for good), what it has not published stays, and a writer's version check is
 * not disturbed.
 */
class MeetingStoreRelayTest {

    private static final long MEETING = 273751;

    private final String database = "meeting_relay_" + UUID.randomUUID().toString().replace("-", "");
    private final MongoClient client = MongoClients.create(BackingServices.mongo().uri(database));
    private final ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(client, database);
    private final MeetingStore store = new MeetingStore(mongo);

    @AfterEach
    void drop() {
        mongo.getMongoDatabase().flatMap(db -> Mono.from(db.drop())).block();
        client.close();
    }

    @Test
    void thePublishedPartLeavesTheDocumentTheRestStaysAndTheVersionIsTheWriters() {
        assertThat(store.write(0, owing(1, 3, 2, List.of(1L, 1L, 2L))).block()).isTrue();

        store.relayed(MEETING, 2, 1, 1, 0).block();

        MeetingDocument relayed = store.find(MEETING).block();
        assertThat(relayed.events()).extracting(MeetingEvent::sequence).containsExactly(3L);
        assertThat(relayed.unpublishedEvents()).extracting(MeetingEvent::sequence).containsExactly(3L);
        assertThat(relayed.commands()).extracting(PendingCommand::number).containsExactly(2L);
        assertThat(relayed.projections()).extracting(PendingProjection::version).containsExactly(2L);
        assertThat(relayed.publishedThrough()).isEqualTo(2);
        assertThat(relayed.commandsPublishedThrough()).isEqualTo(1);
        assertThat(relayed.projectedThrough()).isEqualTo(1);
        assertThat(relayed.version()).isEqualTo(1);

        // a late relay of an older round lowers no mark and brings nothing back
        store.relayed(MEETING, 1, 0, 0, 0).block();
        MeetingDocument late = store.find(MEETING).block();
        assertThat(late.publishedThrough()).isEqualTo(2);
        assertThat(late.events()).extracting(MeetingEvent::sequence).containsExactly(3L);

        assertThat(store.write(1, owing(2, 4, 2, List.of(2L))).block()).as("the writer's check at the version read")
                .isTrue();
        assertThat(store.write(1, owing(2, 4, 2, List.of(2L))).block()).isFalse();
        assertThat(store.find(MEETING).block().publishedThrough()).as("writers never set the marks").isEqualTo(2);
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
                commands, 0, pendingCommands, 0, projections, null, true, version);
    }
}
