package org.conference.media.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.conference.media.support.AudioFixtures;
import org.conference.media.support.MediaApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Content no descriptor points at is deleted once older than the grace period (5 s in these tests); content in
 * use, and content too young to be judged (an upload may still be running), stays.
 */
class OrphanSweepTest extends MediaApiTestSupport {

    @Autowired
    private OrphanSweep sweep;

    @Test
    void deletesOldContentNoDescriptorPointsAtAndKeepsTheRest() {
        Caller owner = subscriber(3);
        uploaded(owner, "kept.wav", AudioFixtures.wav(500));
        ObjectId inUse = descriptorDocument(owner.sid(), "kept.wav").getObjectId("contentId");
        ObjectId interrupted = new ObjectId(Date.from(Instant.now().minusSeconds(3600)));
        ObjectId abandoned = new ObjectId(Date.from(Instant.now().minusSeconds(3600)));
        ObjectId running = new ObjectId();
        // what a crash mid-upload leaves: chunks, no files document, no descriptor
        writeChunks(interrupted, 3);
        // what a crash between an upload and its descriptor's switch leaves: a whole file nobody points at
        writeChunks(abandoned, 2);
        mongo.insert(new Document("_id", abandoned).append("length", 20L).append("chunkSize", 261120)
                .append("uploadDate", new Date()).append("filename", "abandoned.wav"), "content.files").block();
        // an upload still under way
        writeChunks(running, 1);

        Long deleted = sweep.sweep().block();

        assertThat(deleted).isGreaterThanOrEqualTo(2);
        assertThat(chunksOf(interrupted)).isZero();
        assertThat(chunksOf(abandoned)).isZero();
        assertThat(mongo.exists(Query.query(Criteria.where("_id").is(abandoned)), "content.files").block()).isFalse();
        assertThat(chunksOf(running)).isEqualTo(1);
        assertThat(chunksOf(inUse)).isPositive();
        assertThat(download(owner, owner.sid(), "kept.wav")).isEqualTo(AudioFixtures.wav(500));
        mongo.remove(Query.query(Criteria.where("files_id").is(running)), "content.chunks").block();
    }

    private void writeChunks(ObjectId id, int count) {
        for (int n = 0; n < count; n++) {
            mongo.insert(new Document("files_id", id).append("n", n).append("data", new Binary(new byte[10])),
                    "content.chunks").block();
        }
    }

    private long chunksOf(ObjectId id) {
        return mongo.count(Query.query(Criteria.where("files_id").is(id)), "content.chunks").block();
    }
}
