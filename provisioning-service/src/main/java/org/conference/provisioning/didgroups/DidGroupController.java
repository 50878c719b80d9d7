package org.conference.provisioning.didgroups;

import java.util.Map;

import org.conference.common.api.ListEnvelope;
import org.conference.common.identity.Identity;
import org.conference.common.query.ListQuery;
import org.conference.common.query.ResourceSchema;
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
    private final DidGroupViews objects;
    private final ApiViews views;

    DidGroupController(DidGroupService groups, DidGroupViews objects, ApiViews views) {
        this.groups = groups;
        this.objects = objects;
        this.views = views;
    }

    @PostMapping
    Mono<DidGroupView> create(Identity caller, @Valid @RequestBody NewDidGroup body) {
        return objects.withoutDids(groups.create(caller, body));
    }

    @GetMapping
    Mono<ListEnvelope<Map<String, Object>>> list(Identity caller, @RequestParam MultiValueMap<String, String> params) {
        ListQuery query = ListQuery.from(params, SCHEMA);
        return objects.page(groups.list(caller, query))
                .map(page -> views.list("didGroups", page, view -> view, query.fields()));
    }

    @GetMapping("/{id}")
    Mono<Map<String, Object>> get(Identity caller, @PathVariable long id,
            @RequestParam MultiValueMap<String, String> params) {
        return objects.one(groups.find(caller, id)).map(view -> views.object(view, params));
    }

    @PutMapping("/{id}")
    Mono<DidGroupView> update(Identity caller, @PathVariable long id, @Valid @RequestBody DidGroupChanges body) {
        return objects.one(groups.update(caller, id, body));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(Identity caller, @PathVariable long id) {
        return groups.delete(caller, id);
    }
}
