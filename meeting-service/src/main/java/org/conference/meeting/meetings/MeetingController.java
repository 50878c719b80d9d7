package org.conference.meeting.meetings;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.conference.common.api.ApiException;
import org.conference.common.api.ListEnvelope;
import org.conference.common.identity.Identity;
import org.conference.common.query.FieldSelection;
import org.conference.common.query.InMemoryQueries;
import org.conference.common.query.ListQuery;
import org.conference.meeting.support.ApiPaths;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
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

/** The reference's Meetings section: live meetings, their attributes, and ending one. */
@RestController
@RequestMapping(ApiPaths.BASE + "/meetings")
class MeetingController {

    private final MeetingService meetings;
    private final MeetingViews views;
    private final Clock clock;

    MeetingController(MeetingService meetings, MeetingViews views, Clock clock) {
        this.meetings = meetings;
        this.views = views;
        this.clock = clock;
    }

    @GetMapping
    Mono<ListEnvelope<Map<String, Object>>> list(Identity caller, @RequestParam MultiValueMap<String, String> params) {
        return Mono.fromCallable(() -> ListQuery.from(params, MeetingViews.MEETINGS))
                .flatMap(query -> meetings.list(caller, query, views));
    }

    @GetMapping("/{meetingNumber}")
    Mono<Map<String, Object>> get(Identity caller, @PathVariable long meetingNumber,
            @RequestParam MultiValueMap<String, String> params) {
        FieldSelection fields = FieldSelection.from(params);
        return meetings.find(caller, meetingNumber)
                .map(meeting -> views.object(MeetingView.of(meeting, clock.millis()), fields));
    }

    @DeleteMapping("/{meetingNumber}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(Identity caller, @PathVariable long meetingNumber) {
        return meetings.end(caller, meetingNumber);
    }

    /** A bare array, as in the reference's sample, paginated and filtered like a list. */
    @GetMapping("/{meetingNumber}/attributes")
    Mono<List<Map<String, Object>>> attributes(Identity caller, @PathVariable long meetingNumber,
            @RequestParam MultiValueMap<String, String> params) {
        return Mono.fromCallable(() -> ListQuery.from(params, MeetingViews.ATTRIBUTES))
                .flatMap(query -> meetings.find(caller, meetingNumber)
                        .map(meeting -> query.fields().applyAll(
                                InMemoryQueries.apply(query, MeetingViews.attributes(meeting)).items())));
    }

    /**
     * Sets one attribute of the live meeting; the answer is the array with the changed attribute, as in the
     * reference's sample.
     */
    @PutMapping("/{meetingNumber}/attributes/{name}")
    Mono<List<Map<String, Object>>> setAttribute(Identity caller, @PathVariable long meetingNumber,
            @PathVariable String name, @RequestBody AttributeValue body) {
        return Mono.fromCallable(() -> MeetingViews.settableValue(name, valueOf(body)))
                .flatMap(value -> meetings.setAttribute(caller, meetingNumber, name, value))
                .map(meeting -> List.of(MeetingViews.attribute(name, MeetingViews.valueOf(meeting, name))));
    }

    private static Object valueOf(AttributeValue body) {
        if (body == null || body.value() == null) {
            throw ApiException.validation("value", "value is required");
        }
        return body.value();
    }

    /** The body of {@code PUT /meetings/{n}/attributes/{name}}: only {@code value} can be modified. */
    record AttributeValue(Object value) {
    }
}
