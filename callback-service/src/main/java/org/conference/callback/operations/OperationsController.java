package org.conference.callback.operations;

import java.util.Map;

import org.conference.callback.support.ApiPaths;
import org.conference.common.api.ListEnvelope;
import org.conference.common.identity.Identity;
import org.conference.common.query.FieldSelection;
import org.conference.common.query.ListQuery;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/**
 * The webhook operations API (README "Webhooks"): deliveries with their status, attempts and last answer; replaying
 * one or every one that ended a given way since a time; endpoints, and enabling one a 410 disabled. Lists take the
 * query language (limit, offset, filter, order, fields).
 */
@RestController
@RequestMapping(ApiPaths.CALLBACKS)
class OperationsController {

    private final Operations operations;

    OperationsController(Operations operations) {
        this.operations = operations;
    }

    @GetMapping("/deliveries")
    Mono<ListEnvelope<Map<String, Object>>> deliveries(Identity caller,
            @RequestParam MultiValueMap<String, String> params) {
        return Mono.fromCallable(() -> ListQuery.from(params, Views.DELIVERIES))
                .flatMap(query -> operations.deliveries(caller, query));
    }

    @GetMapping("/deliveries/{id}")
    Mono<Map<String, Object>> delivery(Identity caller, @PathVariable String id,
            @RequestParam MultiValueMap<String, String> params) {
        FieldSelection fields = FieldSelection.from(params);
        return operations.delivery(caller, id).map(found -> fields.apply(Views.delivery(found)));
    }

    @PostMapping("/deliveries/{id}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<Map<String, Object>> replay(Identity caller, @PathVariable String id) {
        return operations.replay(caller, id).map(Views::delivery);
    }

    @PostMapping("/deliveries/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<Map<String, Object>> replayEnded(Identity caller, @RequestBody ReplayRequest request) {
        return operations.replayEnded(caller, request);
    }

    @GetMapping("/endpoints")
    Mono<ListEnvelope<Map<String, Object>>> endpoints(Identity caller,
            @RequestParam MultiValueMap<String, String> params) {
        return Mono.fromCallable(() -> ListQuery.from(params, Views.ENDPOINTS))
                .flatMap(query -> operations.endpoints(caller, query));
    }

    @GetMapping("/endpoints/{id}")
    Mono<Map<String, Object>> endpoint(Identity caller, @PathVariable String id) {
        return operations.endpoint(caller, id);
    }

    @PostMapping("/endpoints/{id}/enable")
    Mono<Map<String, Object>> enable(Identity caller, @PathVariable String id) {
        return operations.enable(caller, id);
    }
}
