package org.conference.common.api;

import java.time.Duration;
import java.util.List;

import org.conference.common.identity.Identity;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

/** Endpoints that fail in every way a real controller can, for {@link ApiErrorWebExceptionHandlerTest}. */
@RestController
class ProbeController {

    record Probe(String name, int size) {
    }

    record Part(@Pattern(regexp = "[0-9]+", message = "must be digits") String code) {
    }

    record Target(@NotBlank(message = "must not be blank") String url) {
    }

    record Assembly(@Size(max = 3, message = "must be at most {max} characters") String name,
            @Valid Target target, List<@Valid Part> parts) {
    }

    @PostMapping(path = "/assemblies", consumes = "application/json")
    Mono<Assembly> assemble(@Valid @RequestBody Assembly assembly) {
        return Mono.just(assembly);
    }

    @PostMapping(path = "/probes", consumes = "application/json")
    Mono<Probe> create(@RequestBody Probe probe) {
        if (probe.size() < 0) {
            return Mono.error(ApiException.validation("size", "size must not be negative"));
        }
        return Mono.just(probe);
    }

    /** Answered from another thread a little later, as anything that waits for a database is. */
    @GetMapping("/probes/slow")
    Mono<Probe> slow() {
        return Mono.delay(Duration.ofMillis(20)).thenReturn(new Probe("slow", 20));
    }

    @GetMapping("/probes/{id}")
    Mono<Probe> find(@PathVariable long id) {
        return Mono.error(ApiException.notFound("probe"));
    }

    @GetMapping("/probes/conflict")
    Mono<Probe> conflict() {
        return Mono.error(ApiException.conflict("accessCode", "access code already in use", "273751"));
    }

    @GetMapping("/probes/boom")
    Mono<Probe> boom() {
        return Mono.error(new IllegalStateException("secret internals"));
    }

    @GetMapping("/probes/unavailable")
    Mono<Probe> unavailable() {
        return Mono.error(new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "mongo is down at 10.0.0.7"));
    }

    @GetMapping(path = "/probe-formats/json", produces = "application/json")
    Mono<Probe> jsonOnly() {
        return Mono.just(new Probe("json", 1));
    }

    @GetMapping("/probes/me")
    Mono<Identity> me(Identity caller) {
        return Mono.just(caller);
    }

    @GetMapping("/probes")
    Mono<ListEnvelope<Probe>> list() {
        return Mono.just(new ListEnvelope<>("probes", List.of(new Probe("a", 1), new Probe("b", 2)), 4, 12));
    }
}
