package org.conference.media.files;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.conference.common.events.Topics;
import org.conference.media.support.ListenerWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * A subscriber's tombstone on the subscribers topic deletes its files (each with its {@code file.deleted}). A group
 * of its own, so it sees every record whatever the read model's listener does; replays are harmless, since a
 * tombstone finds nothing left the second time.
 */
@Component
class SubscriberDeletions {

    private static final Logger log = LoggerFactory.getLogger(SubscriberDeletions.class);

    private final FileService files;
    private final ListenerWork work;

    SubscriberDeletions(FileService files, ListenerWork work) {
        this.files = files;
        this.work = work;
    }

    @KafkaListener(topics = Topics.SUBSCRIBERS, groupId = "media-service.subscriber-deletions",
            properties = "spring.json.value.default.type=java.util.LinkedHashMap")
    void onSubscriber(ConsumerRecord<String, Object> record) {
        if (record.value() == null) {
            Long deleted = work.await(files.deleteEverythingOf(record.key()));
            if (deleted != null && deleted > 0) {
                log.info("Subscriber {} was deleted: deleted its {} files", record.key(), deleted);
            }
        }
    }
}
