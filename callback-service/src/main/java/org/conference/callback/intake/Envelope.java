package org.conference.callback.intake;

import java.util.Map;

/**
 * What delivery needs of an event envelope (ARCHITECTURE.md §5), read from the record as it came so the webhook body
 * keeps every field, also ones this service does not know. Without an id, type or owner it cannot be delivered.
 */
record Envelope(String id, String type, long occurredAt, Long meetingNumber, Long sequence, String subscriberSid) {

    static Envelope of(Map<String, Object> event) {
        if (event == null) {
            throw new IllegalArgumentException("an event without a body");
        }
        String id = text(event, "id");
        String type = text(event, "type");
        String owner = text(event, "subscriberSid");
        if (id == null || type == null || owner == null) {
            throw new IllegalArgumentException("an event needs id, type and subscriberSid: " + event.keySet());
        }
        Long occurredAt = number(event, "occurredAt");
        return new Envelope(id, type, occurredAt == null ? 0 : occurredAt, number(event, "meetingNumber"),
                number(event, "sequence"), owner);
    }

    private static String text(Map<String, Object> event, String field) {
        Object value = event.get(field);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    private static Long number(Map<String, Object> event, String field) {
        return event.get(field) instanceof Number number ? number.longValue() : null;
    }
}
