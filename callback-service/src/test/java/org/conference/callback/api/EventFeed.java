package org.conference.callback.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.conference.common.events.Topics;

import tools.jackson.databind.json.JsonMapper;

/**
 * Plays provisioning-service and meeting-service on the real broker, in plain JSON as the contracts define it:
 * subscriber states with their callback and lineage, and meeting events in the envelope of ARCHITECTURE.md §5.
 */
final class EventFeed implements AutoCloseable {

    private final JsonMapper json = JsonMapper.builder().build();
    private final KafkaProducer<String, String> producer;

    EventFeed(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(properties);
    }

    static String newSid() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** Publishes a subscriber's state; {@code lineage} from the root down to {@code sid}; no callback when url is null. */
    void subscriber(String sid, int role, List<String> lineage, String url, String secret, long version) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("sid", sid);
        state.put("login", "login-" + sid);
        state.put("role", role);
        state.put("parentSid", lineage.size() > 1 ? lineage.get(lineage.size() - 2) : null);
        state.put("lineage", lineage);
        state.put("externalId", 0);
        state.put("created", System.currentTimeMillis());
        state.put("didGroupReferences", List.of());
        state.put("callback", url == null ? null : Map.of("id", 1, "url", url, "secret", secret));
        state.put("version", version);
        send(Topics.SUBSCRIBERS, sid, state);
    }

    /** Publishes a meeting event; its id, which is also the webhook-id of its deliveries. */
    String meetingEvent(long meetingNumber, long sequence, String ownerSid, String type) {
        String id = UUID.randomUUID().toString();
        send(Topics.MEETING_EVENTS, Long.toString(meetingNumber), meetingEventBody(id, meetingNumber, sequence,
                ownerSid, type));
        return id;
    }

    /** Many events at once, sent without waiting for each; their ids in order. */
    List<String> meetingEvents(List<long[]> meetingAndSequence, String ownerSid) {
        List<String> ids = new ArrayList<>();
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (long[] pair : meetingAndSequence) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            sent.add(producer.send(new ProducerRecord<>(Topics.MEETING_EVENTS, Long.toString(pair[0]),
                    json.writeValueAsString(meetingEventBody(id, pair[0], pair[1], ownerSid, "call.joined")))));
        }
        sent.forEach(EventFeed::await);
        return ids;
    }

    String mediaEvent(String ownerSid, String type) {
        String id = UUID.randomUUID().toString();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", id);
        event.put("type", type);
        event.put("subscriberSid", ownerSid);
        event.put("occurredAt", System.currentTimeMillis());
        event.put("file", Map.of("name", "greeting.wav", "size", 4096, "duration", 1200, "url",
                "http://example.com/storage/subscribers/" + ownerSid + "/greeting.wav"));
        send(Topics.MEDIA_EVENTS, ownerSid, event);
        return id;
    }

    private static Map<String, Object> meetingEventBody(String id, long meetingNumber, long sequence, String owner,
            String type) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", id);
        event.put("type", type);
        event.put("occurredAt", System.currentTimeMillis());
        event.put("sequence", sequence);
        event.put("meetingNumber", meetingNumber);
        event.put("subscriberSid", owner);
        event.put("data", Map.of("meeting", Map.of("meetingNumber", meetingNumber, "participantCount", 1)));
        return event;
    }

    private void send(String topic, String key, Object value) {
        await(producer.send(new ProducerRecord<>(topic, key, json.writeValueAsString(value))));
    }

    private static void await(Future<RecordMetadata> sent) {
        try {
            sent.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
