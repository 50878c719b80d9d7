package org.conference.provisioning.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteError;

/** Which unique index a duplicate-key failure broke, from what MongoDB and the embedded test server report. */
class UniqueIndexesTest {

    @Test
    void readsTheKeyPatternMongoDbReports() {
        var details = BsonDocument.parse("{\"keyPattern\": {\"meetingNumber\": 1}, \"keyValue\": {\"meetingNumber\": 1}}");
        // The message names another index on purpose: the structured key pattern wins.
        assertThat(UniqueIndexes.violated(duplicate("E11000 duplicate key error index: other_1 dup key", details)))
                .contains(UniqueIndexes.MEETING_NUMBER);
    }

    @Test
    void readsTheIndexNamedInTheE11000ErrorWhenThereIsNoKeyPattern() {
        String message = "E11000 duplicate key error collection: provisioning.meetingRooms index: accessKeys_1 dup key:"
                + " { accessKeys: \"7:5555\" }";
        assertThat(UniqueIndexes.violated(duplicate(message, new BsonDocument()))).contains(UniqueIndexes.ACCESS_KEYS);
        assertThat(UniqueIndexes.isViolated(duplicate(message, new BsonDocument()), UniqueIndexes.MEETING_NUMBER))
                .isFalse();
    }

    @Test
    void namesNoIndexForOtherFailures() {
        var other = new MongoWriteException(new WriteError(2, "meetingNumber_1 is mentioned but this is no duplicate",
                new BsonDocument()), new ServerAddress(), Set.of());
        assertThat(UniqueIndexes.violated(other)).isEmpty();
        assertThat(UniqueIndexes.violated(new IllegalStateException("index: meetingNumber_1 dup key"))).isEmpty();
    }

    private static DuplicateKeyException duplicate(String message, BsonDocument details) {
        return new DuplicateKeyException("duplicate",
                new MongoWriteException(new WriteError(11000, message, details), new ServerAddress(), Set.of()));
    }
}
