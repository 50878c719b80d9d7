package org.conference.simulator.calls;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.conference.common.api.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/** The simulator's phone (ARCHITECTURE.md §6a): place calls, press keys, hang up, look at calls. No authentication. */
@RestController
@RequestMapping(CallController.PATH)
class CallController {

    static final String PATH = "/simulator/v1/calls";

    private final CallService calls;

    CallController(CallService calls) {
        this.calls = calls;
    }

    @PostMapping
    Mono<ResponseEntity<CallView>> place(@RequestBody PlaceCallRequest request) {
        return calls.place(request)
                .map(call -> ResponseEntity.created(URI.create(PATH + "/" + call.id())).body(call));
    }

    @PostMapping("/{id}/dtmf")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<Void> pressKeys(@PathVariable String id, @RequestBody DtmfRequest request) {
        return calls.pressKeys(id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> hangUp(@PathVariable String id) {
        return calls.hangUp(id);
    }

    @GetMapping("/{id}")
    CallView call(@PathVariable String id) {
        return calls.find(id);
    }

    /** All calls held, oldest first; {@code ?state=in-meeting} keeps those in one state. */
    @GetMapping
    List<CallView> calls(@RequestParam Optional<String> state) {
        return calls.list(state.map(name -> CallState.fromWireName(name).orElseThrow(() -> ApiException.validation(
                "state", "must be one of ringing, answered, in-meeting, ended"))));
    }
}
