package org.conference.simulator.calls;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.conference.common.api.ApiError;
import org.conference.common.api.ApiException;
import org.conference.common.api.FieldError;
import org.conference.common.events.TelephonyEvent;
import org.conference.common.events.TelephonyEvent.Offer;
import org.conference.simulator.recordings.Recordings;
import org.conference.simulator.support.SimulatorProperties;
import org.conference.common.telephony.TelephonyPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/** What a caller does: place a call, press keys, hang up; each told to the platform on the events topic. */
@Service
public class CallService {

    private final CallRegistry calls;
    private final Recordings recordings;
    private final TelephonyPublisher publisher;
    private final SimulatorProperties properties;
    private final Clock clock;

    CallService(CallRegistry calls, Recordings recordings, TelephonyPublisher publisher,
            SimulatorProperties properties, Clock clock) {
        this.calls = calls;
        this.recordings = recordings;
        this.publisher = publisher;
        this.properties = properties;
        this.clock = clock;
    }

    /** Answers once {@code call.offered} is on Kafka, with the call answered (see {@link CallState}). */
    Mono<CallView> place(PlaceCallRequest request) {
        List<FieldError> problems = request.problems();
        if (!problems.isEmpty()) {
            return Mono.error(ApiException.validation(problems));
        }
        SimulatedCall call = SimulatedCall.ringing(UUID.randomUUID().toString(), offerOf(request), clock.millis());
        if (!calls.admit(call)) {
            return Mono.error(unavailable("the simulator holds " + properties.maxCalls()
                    + " calls (conference.simulator.max-calls); wait for ended ones to be forgotten"));
        }
        return publisher.publish(TelephonyEvent.offered(UUID.randomUUID().toString(), call.id(), call.createdAt(),
                        call.offer()))
                .onErrorResume(failure -> {
                    calls.forget(call.id());
                    return Mono.error(unavailable("cannot reach Kafka to offer the call"));
                })
                .then(Mono.fromSupplier(() -> calls.answer(call.id()).map(this::view)
                        .orElseThrow(() -> ApiException.notFound("call"))));
    }

    /** Sends the keys as one {@code call.dtmf} event: the whole string, where a real edge sends a digit per event. */
    Mono<Void> pressKeys(String id, DtmfRequest request) {
        return Mono.defer(() -> {
            SimulatedCall call = existing(id);
            if (!request.isValid()) {
                return Mono.error(ApiException.validation("digits",
                        "must be 1 to " + DtmfRequest.MAX_DIGITS + " of the keys 0-9, * and #"));
            }
            if (call.ended()) {
                return Mono.error(ended(call));
            }
            return publisher.publish(TelephonyEvent.dtmf(UUID.randomUUID().toString(), id, clock.millis(),
                    request.digits())).onErrorMap(failure -> unavailable("cannot reach Kafka to send the keys"));
        });
    }

    /**
     * The caller hangs up: {@code call.hungup}, and any recording the call carries stops and is published. Hanging up
     * an ended call is a 409, so that a test learns that the platform, not its caller, ended it.
     */
    Mono<Void> hangUp(String id) {
        return Mono.defer(() -> {
            long at = clock.millis();
            CallRegistry.Transition transition = calls.hangUp(id, at);
            return switch (transition.outcome()) {
                case UNKNOWN_CALL -> Mono.error(ApiException.notFound("call"));
                case ENDED_CALL, DUPLICATE -> Mono.error(ended(transition.call()));
                case APPLIED -> publisher.publish(TelephonyEvent.hungUp(UUID.randomUUID().toString(), id, at))
                        .onErrorMap(failure -> unavailable("the call ended but cannot reach Kafka to say so"))
                        .and(recordings.stopCarriedBy(id, at));
            };
        });
    }

    CallView find(String id) {
        return view(existing(id));
    }

    List<CallView> list(Optional<CallState> state) {
        return calls.all().stream()
                .filter(call -> state.isEmpty() || call.state() == state.get())
                .map(this::view)
                .toList();
    }

    private SimulatedCall existing(String id) {
        return calls.find(id).orElseThrow(() -> ApiException.notFound("call"));
    }

    private CallView view(SimulatedCall call) {
        return CallView.of(call, !call.ended() && recordings.isRecording(call.id(), call.meetingNumber()));
    }

    private Offer offerOf(PlaceCallRequest request) {
        String node = request.nodeName() != null ? request.nodeName() : properties.nodeName();
        return new Offer(request.from(), request.to(),
                request.addressFrom() != null ? request.addressFrom() : request.from(),
                request.addressTo() != null ? request.addressTo()
                        : "\"" + request.to() + "\" <sip:" + request.to() + "@" + node + ">",
                request.codec() != null ? request.codec() : properties.codec(),
                node,
                request.bridgeName() != null ? request.bridgeName() : properties.bridgeName());
    }

    private static ApiException ended(SimulatedCall call) {
        return ApiException.conflict("state", "the call has ended", call.id());
    }

    private static ApiException unavailable(String message) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ApiError.of(message, FieldError.cause(message)));
    }
}
