package org.conference.media.recordings;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.conference.common.events.TelephonyEvent;
import org.conference.common.events.Topics;
import org.conference.media.support.ListenerWork;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** {@code recording.completed} from the edge; every other telephony event is meeting-service's business. */
@Component
class RecordingListener {

    private final Recordings recordings;
    private final ListenerWork work;

    RecordingListener(Recordings recordings, ListenerWork work) {
        this.recordings = recordings;
        this.work = work;
    }

    @KafkaListener(topics = Topics.TELEPHONY_EVENTS, groupId = "media-service.recordings",
            properties = "spring.json.value.default.type=org.conference.common.events.TelephonyEvent")
    void onTelephonyEvent(ConsumerRecord<String, TelephonyEvent> record) {
        TelephonyEvent event = record.value();
        if (event != null && TelephonyEvent.RECORDING_COMPLETED.equals(event.type())) {
            work.await(recordings.completed(event));
        }
    }
}
