package org.conference.meeting.api;

import java.time.Duration;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** What meeting-service keeps of a meeting in Mongo: its document and its one durable timer (kind {@code meeting}). */
final class StoredMeetings {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ReactiveMongoTemplate mongo;

    StoredMeetings(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** When the meeting's timer is due, or null when it has none. */
    Long timerDue(long meetingNumber) {
        Document timer = mongo.findById("meeting:" + meetingNumber, Document.class, "timers").block(WAIT);
        return timer == null ? null : ((Number) timer.get("due")).longValue();
    }

    Document document(long meetingNumber) {
        return mongo.findById(meetingNumber, Document.class, "meetings").block(WAIT);
    }

    /** The live meeting in the document. */
    Document conference(long meetingNumber) {
        return document(meetingNumber).get("conference", Document.class);
    }

    /** The live meeting's deadlines, by name. */
    Document deadlines(long meetingNumber) {
        return conference(meetingNumber).get("deadlines", Document.class);
    }
}
