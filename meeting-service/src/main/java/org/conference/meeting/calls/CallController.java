package org.conference.meeting.calls;

import java.util.Map;

import org.conference.common.api.ListEnvelope;
import org.conference.common.identity.Identity;
import org.conference.common.query.FieldSelection;
import org.conference.common.query.ListQuery;
import org.conference.common.query.ResourceSchema;
import org.conference.meeting.meetings.MeetingViews;
import org.conference.meeting.support.ApiPaths;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/** The reference's Calls section: the calls currently on the platform, changing one, hanging one up. */
@RestController
@RequestMapping(ApiPaths.BASE + "/calls")
class CallController {

    /** What {@code GET /calls} filters and sorts on: the Call object's fields, as stored. */
    static final ResourceSchema SCHEMA = ResourceSchema.builder()
            .integer("id", "_id").id()
            .string("accessCode")
            .string("addressFrom")
            .string("addressTo")
            .string("bridgeName")
            .string("callee")
            .string("caller")
            .string("codec")
            .integer("connectionStatus")
            .integer("created")
            .string("customName")
            .integer("gainLevel")
            .integer("holdMode")
            .integer("joined")
            .integer("meetingNumber")
            .integer("muteMode")
            .string("nodeName")
            .bitmask("presenterMedia", 4)
            .integer("qaMode")
            .integer("role")
            .integer("state")
            .build();

    private final CallService calls;
    private final MeetingViews views;

    CallController(CallService calls, MeetingViews views) {
        this.calls = calls;
        this.views = views;
    }

    @GetMapping
    Mono<ListEnvelope<Map<String, Object>>> list(Identity caller, @RequestParam MultiValueMap<String, String> params) {
        return Mono.fromCallable(() -> ListQuery.from(params, SCHEMA)).flatMap(query -> calls.list(caller, query));
    }

    @GetMapping("/{id}")
    Mono<Map<String, Object>> get(Identity caller, @PathVariable long id,
            @RequestParam MultiValueMap<String, String> params) {
        FieldSelection fields = FieldSelection.from(params);
        return calls.find(caller, id).map(call -> views.object(call, fields));
    }

    /**
     * Answers the updated Call object, as the endpoint's sentence says; the reference's response sample shows a
     * list envelope instead, which contradicts it.
     */
    @PutMapping("/{id}")
    Mono<Map<String, Object>> update(Identity caller, @PathVariable long id,
            @RequestBody @Validated CallUpdate update) {
        return calls.update(caller, id, update).map(call -> views.object(call, FieldSelection.ALL));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> hangUp(Identity caller, @PathVariable long id) {
        return calls.hangUp(caller, id);
    }
}
