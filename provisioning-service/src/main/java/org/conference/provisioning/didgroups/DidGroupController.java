package org.conference.provisioning.didgroups;

import java.util.Map;

import org.conference.common.api.ListEnvelope;
import org.conference.common.identity.Identity;
import org.conference.common.query.ListQuery;
import org.conference.common.query.Page;
import org.conference.common.query.ResourceSchema;
import org.conference.provisioning.dids.DidService;
import org.conference.provisioning.dids.DidView;
import org.conference.provisioning.rooms.RoomHoldings;
import org.conference.provisioning.support.ApiPaths;
import org.conference.provisioning.support.ApiViews;
import org.conference.provisioning.didgroups.DidGroupRequests.DidGroupChanges;
import org.conference.provisioning.didgroups.DidGroupRequests.NewDidGroup;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping(ApiPaths.BASE + "/didGroups")
class DidGroupController {

    static final ResourceSchema SCHEMA = ResourceSchema.builder()
            .integer("id", "_id").id()
            .string("name")
            .string("description")
            .integer("callFlowId")
            .string("subscriberSid")
            .integer("state")
            .string("attributes.name").notSortable()
            .string("attributes.value").notSortable()
            .build();

    private final DidGroupService groups;
    private final DidService dids;
    private final RoomHoldings rooms;
    private final ApiViews views;

    DidGroupController(DidGroupService groups, DidService dids, RoomHoldings rooms, ApiViews views) {
        this.groups = groups;
        this.dids = dids;
        this.rooms = rooms;
        this.views = views;
    }

    @PostMapping
    Mono<DidGroupView> create(Identity caller, @Valid @RequestBody NewDidGroup body) {
        return groups.create(caller, body).map(group -> DidGroupView.of(group, null));
    }

    @GetMapping
    Mono<ListEnvelope<Map<String, Object>>> list(Identity caller, @RequestParam MultiValueMap<String, String> params) {
        ListQuery query = ListQuery.from(params, SCHEMA);
        return groups.list(caller, query).flatMap(page -> Flux.fromIterable(page.items()).concatMap(this::withDids)
                .collectList()
                .map(items -> views.list("didGroups", new Page<>(items, page.offset(), page.total()), v -> v,
                        query.fields())));
    }

    @GetMapping("/{id}")
    Mono<Map<String, Object>> get(Identity caller, @PathVariable long id,
            @RequestParam MultiValueMap<String, String> params) {
        return groups.find(caller, id).flatMap(this::withDids).map(view -> views.object(view, params));
    }

    @PutMapping("/{id}")
    Mono<DidGroupView> update(Identity caller, @PathVariable long id, @Valid @RequestBody DidGroupChanges body) {
        return groups.update(caller, id, body).flatMap(this::withDids);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(Identity caller, @PathVariable long id) {
        return groups.delete(caller, id, rooms.firstReferencing(id).switchIfEmpty(dids.firstInGroup(id)));
    }

    private Mono<DidGroupView> withDids(DidGroupDocument group) {
        return dids.inGroup(group.id()).map(DidView::of).collectList().map(list -> DidGroupView.of(group, list));
    }
}
