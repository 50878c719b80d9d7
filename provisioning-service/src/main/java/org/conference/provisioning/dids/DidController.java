package org.conference.provisioning.dids;

import java.util.Map;

import org.conference.common.api.ListEnvelope;
import org.conference.common.identity.Identity;
import org.conference.common.query.ListQuery;
import org.conference.common.query.ResourceSchema;
import org.conference.provisioning.support.ApiPaths;
import org.conference.provisioning.support.ApiViews;
import org.conference.provisioning.dids.DidRequests.DidChanges;
import org.conference.provisioning.dids.DidRequests.NewDid;
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
@RequestMapping(ApiPaths.BASE + "/dids")
class DidController {

    static final ResourceSchema SCHEMA = ResourceSchema.builder()
            .integer("id", "_id").id()
            .string("phoneNumber")
            .string("countryCode")
            .string("description")
            .integer("didGroupId")
            .integer("state")
            .string("attributes.name").notSortable()
            .string("attributes.value").notSortable()
            .build();

    private final DidService dids;
    private final ApiViews views;

    DidController(DidService dids, ApiViews views) {
        this.dids = dids;
        this.views = views;
    }

    @PostMapping
    Mono<DidView> create(Identity caller, @Valid @RequestBody NewDid body) {
        return dids.create(caller, body).map(DidView::of);
    }

    @GetMapping
    Mono<ListEnvelope<Map<String, Object>>> list(Identity caller, @RequestParam MultiValueMap<String, String> params) {
        ListQuery query = ListQuery.from(params, SCHEMA);
        return dids.list(caller, query).map(page -> views.list("dids", page, DidView::of, query.fields()));
    }

    @GetMapping("/{id}")
    Mono<Map<String, Object>> get(Identity caller, @PathVariable long id,
            @RequestParam MultiValueMap<String, String> params) {
        return dids.find(caller, id).map(did -> views.object(DidView.of(did), params));
    }

    @PutMapping("/{id}")
    Mono<DidView> update(Identity caller, @PathVariable long id, @Valid @RequestBody DidChanges body) {
        return dids.update(caller, id, body).map(DidView::of);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(Identity caller, @PathVariable long id) {
        return dids.delete(caller, id);
    }
}
