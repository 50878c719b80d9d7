package org.conference.provisioning.subscribers;

import java.util.List;
import java.util.Map;

import org.conference.common.api.ListEnvelope;
import org.conference.common.identity.Identity;
import org.conference.common.query.ListQuery;
import org.conference.common.query.ResourceSchema;
import org.conference.provisioning.support.ApiPaths;
import org.conference.provisioning.support.ApiViews;
import org.conference.provisioning.subscribers.SubscriberRequests.NewSubscriber;
import org.conference.provisioning.subscribers.SubscriberRequests.SubscriberChanges;
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
@RequestMapping(ApiPaths.BASE + "/subscribers")
class SubscriberController {

    static final ResourceSchema SCHEMA = ResourceSchema.builder()
            .string("sid", "_id").id()
            .string("login")
            .integer("role")
            .string("parentSid")
            .string("firstName")
            .string("lastName")
            .string("email")
            .string("phoneNumber")
            .string("details")
            .string("ext")
            .integer("externalId")
            .integer("created")
            .integer("callback.id").notSortable()
            .string("callback.url").notSortable()
            .integer("didGroupReferences.didGroupId").notSortable()
            .integer("didGroupReferences.state").notSortable()
            .build();

    private final SubscriberService subscribers;
    private final SubscriberViews objects;
    private final ApiViews views;

    SubscriberController(SubscriberService subscribers, SubscriberViews objects, ApiViews views) {
        this.subscribers = subscribers;
        this.objects = objects;
        this.views = views;
    }

    @PostMapping
    Mono<Map<String, Object>> create(Identity caller, @Valid @RequestBody NewSubscriber body) {
        return render(objects.one(subscribers.create(caller, body), caller), Map.of());
    }

    @GetMapping("/whoami")
    Mono<Map<String, Object>> whoami(Identity caller, @RequestParam MultiValueMap<String, String> params) {
        return render(objects.one(subscribers.find(caller, caller.sid()), caller), params);
    }

    @GetMapping
    Mono<ListEnvelope<Map<String, Object>>> list(Identity caller,
            @RequestParam MultiValueMap<String, String> params) {
        ListQuery query = ListQuery.from(params, SCHEMA);
        return objects.page(subscribers.list(caller, query), caller)
                .map(page -> views.list("subscribers", page, view -> view, query.fields()));
    }

    @GetMapping("/{sid}")
    Mono<Map<String, Object>> get(Identity caller, @PathVariable String sid,
            @RequestParam MultiValueMap<String, String> params) {
        return render(objects.one(subscribers.find(caller, sid), caller), params);
    }

    @PutMapping("/{sid}")
    Mono<Map<String, Object>> update(Identity caller, @PathVariable String sid,
            @Valid @RequestBody SubscriberChanges body) {
        return render(objects.one(subscribers.update(caller, sid, body), caller), Map.of());
    }

    @DeleteMapping("/{sid}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(Identity caller, @PathVariable String sid) {
        return subscribers.delete(caller, sid);
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> logout(Identity caller) {
        return subscribers.logout(caller);
    }

    private Mono<Map<String, Object>> render(Mono<SubscriberView> subscriber,
            Map<String, ? extends List<String>> params) {
        return subscriber.map(view -> views.object(view, params));
    }
}
