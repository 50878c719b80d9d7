package org.conference.callback.operations;

import java.util.LinkedHashMap;
import java.util.Map;

import org.conference.callback.deliveries.Delivery;
import org.conference.callback.deliveries.Endpoint;
import org.conference.common.query.ResourceSchema;

/** The delivery and endpoint objects of the operations API, and what their lists filter and sort on. */
final class Views {

    static final ResourceSchema DELIVERIES = ResourceSchema.builder()
            .string("id", "_id").id()
            .string("eventId")
            .string("eventType")
            .integer("occurredAt")
            .integer("meetingNumber")
            .integer("sequence")
            .string("endpointId")
            .string("url")
            .string("subscriberSid")
            .string("status")
            .integer("attempts")
            .integer("lastResponseStatus")
            .string("lastError")
            .integer("lastAttemptAt")
            .integer("nextAttemptAt")
            .integer("created")
            .integer("finishedAt")
            .build();

    static final ResourceSchema ENDPOINTS = ResourceSchema.builder()
            .string("id", "_id").id()
            .string("url")
            .string("subscriberSid")
            .bool("disabled")
            .integer("disabledAt")
            .integer("created")
            .build();

    private Views() {
    }

    static Map<String, Object> delivery(Delivery delivery) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", delivery.id());
        view.put("eventId", delivery.eventId());
        view.put("eventType", delivery.eventType());
        view.put("occurredAt", delivery.occurredAt());
        view.put("meetingNumber", delivery.meetingNumber());
        view.put("sequence", delivery.sequence());
        view.put("endpointId", delivery.endpointId());
        view.put("url", delivery.url());
        view.put("subscriberSid", delivery.subscriberSid());
        view.put("status", delivery.status());
        // open but not sent before an earlier delivery of the same endpoint and meeting has ended
        view.put("waitingForEarlier", delivery.open() && delivery.heldBack());
        view.put("attempts", delivery.attempts());
        view.put("lastResponseStatus", delivery.lastResponseStatus());
        view.put("lastResponseBody", delivery.lastResponseBody());
        view.put("lastError", delivery.lastError());
        view.put("lastAttemptAt", delivery.lastAttemptAt());
        view.put("nextAttemptAt", delivery.open() ? delivery.nextAttemptAt() : null);
        view.put("created", delivery.created());
        view.put("finishedAt", delivery.finishedAt());
        return view;
    }

    static Map<String, Object> endpoint(Endpoint endpoint) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", endpoint.id());
        view.put("url", endpoint.url());
        view.put("subscriberSid", endpoint.subscriberSid());
        view.put("disabled", endpoint.disabled());
        view.put("disabledReason", endpoint.disabledReason());
        view.put("disabledAt", endpoint.disabledAt());
        view.put("created", endpoint.created());
        return view;
    }
}
