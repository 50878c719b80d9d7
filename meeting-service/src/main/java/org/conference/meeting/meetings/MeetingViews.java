package org.conference.meeting.meetings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.conference.common.api.ApiException;
import org.conference.common.api.ListEnvelope;
import org.conference.common.attributes.AttributeCatalog;
import org.conference.common.attributes.AttributeDefinition;
import org.conference.common.query.FieldSelection;
import org.conference.common.query.Page;
import org.conference.common.query.ResourceSchema;
import org.conference.meeting.rules.Conference;
import org.conference.meeting.rules.Participant;
import org.conference.meeting.rules.behaviours.LockRule;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Renders meetings and their attributes as the API shows them, with the reference's field filtering. */
@Component
public class MeetingViews {

    /** What {@code GET /meetings} filters and sorts on; {@code duration} is computed when read, so neither. */
    static final ResourceSchema MEETINGS = ResourceSchema.builder()
            .integer("meetingNumber", "_id").id()
            .integer("id", "conference.meetingId")
            .integer("created", "conference.created")
            .integer("state", "conference.state")
            .integer("participantCount")
            .bool("isRecording", "conference.recording")
            .bool("isSecured", "conference.secured")
            .integer("muteMode", "conference.muteMode")
            .integer("holdMode", "conference.holdMode")
            .integer("qaMode", "conference.qaMode")
            .integer("type", "conference.type")
            .string("subscriberName", "conference.subscriberName")
            .build();

    /** The attributes array of {@code GET /meetings/{n}/attributes}. */
    static final ResourceSchema ATTRIBUTES = ResourceSchema.builder()
            .string("name").id()
            .string("value")
            .build();

    static final String WAITING_COUNT = "conf_waiting_count";
    static final String QA_QUEUE = "conf_qa_queue";

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final ObjectMapper json;

    MeetingViews(ObjectMapper json) {
        this.json = json;
    }

    public Map<String, Object> object(Object view, FieldSelection fields) {
        return fields.apply(json.convertValue(view, OBJECT));
    }

    ListEnvelope<Map<String, Object>> meetings(Page<MeetingDocument> page, FieldSelection fields, long now) {
        List<Map<String, Object>> items = page.items().stream()
                .map(document -> object(MeetingView.of(document.conference(), now), fields)).toList();
        return new ListEnvelope<>("meetings", items, page.offset(), page.total());
    }

    /**
     * The attributes in force in the catalog's order, then the runtime ones: those of the reference's sample (the
     * count of each role in the mix and {@code participant_list}, one {@code caller:callee:'accessCode'} entry per
     * call in the mix, comma-separated), then this platform's: {@code conf_waiting_count} (callers waiting for the
     * start), {@code conf_locked} ({@code on}/{@code off}, the Meeting's {@code isSecured}; the one runtime attribute
     * a {@code PUT} may set) and {@code conf_qa_queue} (the call ids of the raised hands, in order).
     */
    static List<Map<String, Object>> attributes(Conference meeting) {
        List<Map<String, Object>> all = new ArrayList<>();
        AttributeCatalog.standard().definitions().stream().map(AttributeDefinition::name)
                .filter(meeting.attributes()::containsKey)
                .forEach(name -> all.add(attribute(name, meeting.attribute(name))));
        all.add(attribute("conf_hosts_count", Long.toString(meeting.count(Participant.HOST))));
        all.add(attribute("conf_participants_count", Long.toString(meeting.count(Participant.PARTICIPANT))));
        all.add(attribute("conf_listeners_count", Long.toString(meeting.count(Participant.LISTENER))));
        all.add(attribute("participant_list", meeting.participants().stream()
                .map(call -> call.line().caller() + ":" + call.line().callee() + ":'" + call.accessCode() + "'")
                .collect(Collectors.joining(","))));
        all.add(attribute(WAITING_COUNT, Integer.toString(meeting.waiting().size())));
        all.add(attribute(LockRule.ATTRIBUTE, meeting.secured() ? "on" : "off"));
        all.add(attribute(QA_QUEUE, meeting.qa().hands().stream().map(String::valueOf)
                .collect(Collectors.joining(","))));
        return all;
    }

    /**
     * The value {@code PUT /meetings/{n}/attributes/{name}} may set: a catalog attribute's, or {@code on}/{@code off}
     * for {@code conf_locked}; anything else is 422.
     */
    static String settableValue(String name, Object value) {
        if (!LockRule.ATTRIBUTE.equals(name)) {
            return AttributeCatalog.standard().checkValue(name, value, "value");
        }
        if (value instanceof String text && (text.equals("on") || text.equals("off"))) {
            return text;
        }
        throw ApiException.validation("value", LockRule.ATTRIBUTE + " is on or off");
    }

    /** The value of {@code name} as {@code GET /meetings/{n}/attributes} shows it. */
    static String valueOf(Conference meeting, String name) {
        return LockRule.ATTRIBUTE.equals(name) ? (meeting.secured() ? "on" : "off") : meeting.attribute(name);
    }

    static Map<String, Object> attribute(String name, String value) {
        Map<String, Object> attribute = new LinkedHashMap<>();
        attribute.put("name", name);
        attribute.put("value", value == null ? "" : value);
        return attribute;
    }
}
