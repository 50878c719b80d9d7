package org.conference.meeting.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.conference.meeting.rules.CallLine;
import org.conference.meeting.rules.Conference;
import org.conference.meeting.rules.MeetingInput;
import org.conference.meeting.rules.MeetingRules;
import org.conference.meeting.rules.Outcome;
import org.conference.meeting.rules.Participant;
import org.conference.meeting.rules.QaSession;
import org.conference.meeting.rules.RecordingTake;
import org.conference.meeting.rules.RoleCount;
import org.conference.meeting.rules.RoomContext;
import org.conference.meeting.rules.ToneTimes;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * The meeting as the {@code meetings} collection keeps it: every piece of the behaviours' state survives a write and
 * a read, and a document written before that state existed still reads, with empty state and recounted roles.
 */
class MeetingDocumentMappingTest {

    private final MappingMongoConverter converter = converter();
    private final MeetingRules rules = new MeetingRules(Duration.ofSeconds(2));

    @Test
    void everyPieceOfBehaviourStateSurvivesAWriteAndARead() {
        RoomContext room = new RoomContext(273751, "owner", List.of("root", "owner"), "John Smith",
                Map.of("conference_start_how", "first", "call_maxduration", "60", "conference_recording", "auto",
                        "conference_qa_dtmf", "h", "conference_qa_policy", "pl", "conference_qa_dtmf_binding", "*4",
                        "call_mute_dtmf", "hpl", "call_mute_dtmf_binding", "*6"));
        Conference meeting = write(null, room, new MeetingInput.Join(caller(1, Participant.HOST), room, 0),
                new MeetingInput.Join(caller(2, Participant.PARTICIPANT), room, 0),
                new MeetingInput.Dtmf(1, "*4", "event-1"), new MeetingInput.Dtmf(2, "*4", "event-2"),
                new MeetingInput.Dtmf(2, "*", "event-3"));
        assertThat(meeting.qa().hands()).containsExactly(2L);
        assertThat(meeting.keypad()).containsEntry("2", "*");
        assertThat(meeting.take().running()).isTrue();

        Conference read = roundTrip(meeting);

        assertThat(read).isEqualTo(meeting);
    }

    @Test
    void aDocumentWrittenBeforeTheBehavioursReadsWithEmptyStateAndRecountedRoles() {
        Document older = new Document();
        RoomContext room = new RoomContext(273751, "owner", List.of("root", "owner"), "John Smith", Map.of());
        Conference meeting = write(null, room, new MeetingInput.Join(caller(1, Participant.HOST), room, 0));
        converter.write(document(meeting), older);
        Document conference = older.get("conference", Document.class);
        List.of("startedAt", "waiting", "joinedCount", "waitingCount", "othersMuted", "take", "qa", "keypad",
                "appliedInputs", "tones").forEach(conference::remove);

        Conference read = converter.read(MeetingDocument.class, older).conference();

        assertThat(read.joinedCount()).isEqualTo(new RoleCount(1, 0, 0));
        assertThat(read.startedAt()).as("live, so started when created").isEqualTo(read.created());
        assertThat(read.othersMuted()).isFalse();
        assertThat(read.waiting()).isEmpty();
        assertThat(read.take()).isEqualTo(RecordingTake.NONE);
        assertThat(read.qa()).isEqualTo(QaSession.NONE);
        assertThat(read.keypad()).isEmpty();
        assertThat(read.appliedInputs()).isEmpty();
        assertThat(read.tones()).isEqualTo(ToneTimes.NEVER);
    }

    private Conference roundTrip(Conference meeting) {
        Document stored = new Document();
        converter.write(document(meeting), stored);
        return converter.read(MeetingDocument.class, stored).conference();
    }

    private static MeetingDocument document(Conference meeting) {
        return new MeetingDocument(meeting.meetingNumber(), true, meeting, meeting.ownerSid(),
                meeting.ownerLineage(), meeting.participants().size(), 1, 0, List.of(), 0, 0, List.of(), 0, List.of(),
                null, true, 1);
    }

    private Conference write(Conference start, RoomContext room, MeetingInput... inputs) {
        Outcome.Builder effects = rules.begin(start);
        for (MeetingInput input : inputs) {
            rules.apply(effects, input, 1000, 500);
        }
        return effects.build().conference();
    }

    private static Participant caller(long id, int role) {
        return new Participant(id, "edge-" + id, 1000, new CallLine("+15162065319", "15162065318", null, null,
                "PCMU", "node", "bridge"), role, "111", 0, 0, 0, "", 0, 0, 0, 0);
    }

    private static MappingMongoConverter converter() {
        MongoMappingContext context = new MongoMappingContext();
        context.afterPropertiesSet();
        MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
        converter.afterPropertiesSet();
        return converter;
    }
}
