package org.conference.meeting.meetings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.conference.meeting.rules.MeetingInput;
import org.conference.meeting.support.ListenerWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;

/**
 * Applies meeting requests in batches: the records of one poll are grouped by meeting (keeping their order), and
 * each meeting's group is one read-decide-write of its document. Partitions are keyed by meeting number, so one
 * consumer of the group owns each meeting at a time; a rebalance hands it over with the document in Mongo.
 */
@Component
class MeetingRequestListener {

    private static final Logger log = LoggerFactory.getLogger(MeetingRequestListener.class);

    private final MeetingService meetings;
    private final ListenerWork work;

    MeetingRequestListener(MeetingService meetings, ListenerWork work) {
        this.meetings = meetings;
        this.work = work;
    }

    @KafkaListener(topics = MeetingRequest.TOPIC, groupId = "meeting-service", batch = "true",
            properties = "spring.json.value.default.type=org.conference.meeting.meetings.MeetingRequest")
    void onRequests(List<ConsumerRecord<String, MeetingRequest>> records) {
        ConsumerRecord<String, MeetingRequest> unreadable = null;
        Map<Long, List<MeetingRequest>> byMeeting = new LinkedHashMap<>();
        for (ConsumerRecord<String, MeetingRequest> record : records) {
            if (record.value() == null) {
                unreadable = record;
                break;
            }
            byMeeting.computeIfAbsent(record.value().meetingNumber(), n -> new ArrayList<>()).add(record.value());
        }
        work.await(Flux.fromIterable(byMeeting.entrySet())
                .flatMap(group -> meetings.apply(group.getKey(), inputs(group.getValue())), 4)
                .then());
        if (unreadable != null) {
            // everything before it is applied; the container retries it, then sends it to the -dlt topic
            throw new BatchListenerFailedException("unreadable meeting request", unreadable);
        }
    }

    private static List<MeetingInput> inputs(List<MeetingRequest> requests) {
        List<MeetingInput> inputs = new ArrayList<>();
        for (MeetingRequest request : requests) {
            request.input().ifPresentOrElse(inputs::add,
                    () -> log.warn("Ignoring malformed meeting request {}", request));
        }
        return inputs;
    }
}
