package org.conference.meeting.meetings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.conference.common.api.ListEnvelope;
import org.conference.common.attributes.AttributeCatalog;
import org.conference.common.attributes.AttributeDefinition;
import org.conference.common.query.FieldSelection;
import org.conference.common.query.Page;
import org.conference.common.query.ResourceSchema;
import org.conference.meeting.rules.Conference;
import org.conference.meeting.rules.Participant;
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
     * The attributes in force in the catalog's order, then the runtime ones of the reference's sample: the count of each role and
     * {@code participant_list}, one {@code caller:callee:'accessCode'} entry per call, comma-separated.
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
        return all;
    }

    static Map<String, Object> attribute(String name, String value) {
        Map<String, Object> attribute = new LinkedHashMap<>();
        attribute.put("name", name);
        attribute.put("value", value == null ? "" : value);
        return attribute;
    }
}
