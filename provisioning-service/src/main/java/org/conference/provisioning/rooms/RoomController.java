package org.conference.provisioning.rooms;

import java.util.Map;

import org.conference.common.api.ListEnvelope;
import org.conference.common.identity.Identity;
import org.conference.common.query.ListQuery;
import org.conference.common.query.ResourceSchema;
import org.conference.provisioning.support.ApiPaths;
import org.conference.provisioning.support.ApiViews;
import org.conference.provisioning.rooms.RoomRequests.NewRoom;
import org.conference.provisioning.rooms.RoomRequests.RoomChanges;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

/**
 * Both families of the reference: {@code /meetingRooms} (rooms of the caller; create answers 201) and
 * {@code /subscribers/{sid}/meetingRooms} (rooms of one subscriber; create answers 200, as documented there).
 */
@RestController
@RequestMapping(ApiPaths.BASE)
class RoomController {

    static final ResourceSchema SCHEMA = ResourceSchema.builder()
            .integer("meetingNumber").id()
            .string("subscriberSid")
            .string("description")
            .integer("created")
            .integer("primaryDidGroupId")
            .integer("didGroupReferences.didGroupId").notSortable()
            .integer("didGroupReferences.state").notSortable()
            .integer("keychain.id").notSortable()
            .string("keychain.accessCode").notSortable()
            .integer("keychain.role").notSortable()
            .string("attributes.name").notSortable()
            .string("attributes.value").notSortable()
            .build();

    private final RoomService rooms;
    private final ApiViews views;

    RoomController(RoomService rooms, ApiViews views) {
        this.rooms = rooms;
        this.views = views;
    }

    @PostMapping("/meetingRooms")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<RoomView> create(Identity caller, @Valid @RequestBody NewRoom body) {
        return rooms.create(caller, null, body).map(RoomView::of);
    }

    @PostMapping("/subscribers/{sid}/meetingRooms")
    Mono<RoomView> createFor(Identity caller, @PathVariable String sid, @Valid @RequestBody NewRoom body) {
        return rooms.create(caller, sid, body).map(RoomView::of);
    }

    @GetMapping("/meetingRooms")
    Mono<ListEnvelope<Map<String, Object>>> list(Identity caller, @RequestParam MultiValueMap<String, String> params) {
        return listOf(caller, null, params);
    }

    @GetMapping("/subscribers/{sid}/meetingRooms")
    Mono<ListEnvelope<Map<String, Object>>> listFor(Identity caller, @PathVariable String sid,
            @RequestParam MultiValueMap<String, String> params) {
        return listOf(caller, sid, params);
    }

    @GetMapping({"/meetingRooms/{meetingNumber}", "/subscribers/{sid}/meetingRooms/{meetingNumber}"})
    Mono<Map<String, Object>> get(Identity caller, @PathVariable(required = false) String sid,
            @PathVariable long meetingNumber, @RequestParam MultiValueMap<String, String> params) {
        return rooms.find(caller, sid, meetingNumber).map(room -> views.object(RoomView.of(room), params));
    }

    @PutMapping({"/meetingRooms/{meetingNumber}", "/subscribers/{sid}/meetingRooms/{meetingNumber}"})
    Mono<RoomView> update(Identity caller, @PathVariable(required = false) String sid,
            @PathVariable long meetingNumber, @Valid @RequestBody RoomChanges body) {
        return rooms.update(caller, sid, meetingNumber, body).map(RoomView::of);
    }

    @DeleteMapping({"/meetingRooms/{meetingNumber}", "/subscribers/{sid}/meetingRooms/{meetingNumber}"})
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(Identity caller, @PathVariable(required = false) String sid, @PathVariable long meetingNumber) {
        return rooms.delete(caller, sid, meetingNumber);
    }

    private Mono<ListEnvelope<Map<String, Object>>> listOf(Identity caller, String sid,
            MultiValueMap<String, String> params) {
        ListQuery query = ListQuery.from(params, SCHEMA);
        return rooms.list(caller, sid, query).map(page -> views.list("meetingRooms", page, RoomView::of,
                query.fields()));
    }
}
