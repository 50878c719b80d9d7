package org.conference.testsupport.softphone;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One event baresip's {@code ctrl_tcp} reported, e.g. {@code CALL_ESTABLISHED}, {@code CALL_DTMF_START} (param: the
 * digit), {@code CALL_CLOSED} (param: the reason).
 *
 * @param type   baresip's event name
 * @param param  its parameter, empty when it has none
 * @param callId the SIP call's id in baresip, empty for events without a call
 * @param fields every field of the JSON message, for failure messages
 */
public record SoftphoneEvent(String type, String param, String callId, Map<String, Object> fields) {

    public SoftphoneEvent {
        // JSON may hold nulls, which Map.copyOf refuses.
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    static SoftphoneEvent of(Map<String, Object> message) {
        return new SoftphoneEvent(text(message, "type"), text(message, "param"), text(message, "id"), message);
    }

    public boolean is(String eventType) {
        return type.equals(eventType);
    }

    private static String text(Map<String, Object> message, String field) {
        Object value = message.get(field);
        return value == null ? "" : value.toString();
    }

    @Override
    public String toString() {
        return type + (param.isEmpty() ? "" : "(" + param + ")");
    }
}
