package org.conference.meeting.calls;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.conference.common.events.TelephonyCommand;
import org.conference.common.persistence.ConcurrentWriteException;
import org.conference.common.persistence.OptimisticWrites;
import org.conference.common.events.TelephonyEvent;
import org.conference.meeting.calls.CallDocument.Admission;
import org.conference.meeting.calls.CallDocument.LobbyState;
import org.conference.meeting.calls.CodeEntry.Result;
import org.conference.meeting.directory.Directory;
import org.conference.meeting.directory.Keychains;
import org.conference.meeting.directory.RoomAccess;
import org.conference.meeting.directory.Route;
import org.conference.meeting.meetings.MeetingService;
import org.conference.meeting.rules.RoomContext;
import org.conference.meeting.support.Counters;
import org.conference.meeting.support.EdgeCommands;
import org.conference.meeting.timers.TimerHandler;
import org.conference.meeting.timers.Timers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A caller between dialling in and entering a meeting: routed by the number it dialled, then keying in an access
 * code (ARCHITECTURE.md §6). A code that opens a room hands the caller to that meeting; wrong codes are counted, and
 * after {@code call_operator_after} of them the caller is hung up — there is no operator to pass it to. Digits keyed
 * after the hand-over go to the meeting, behind the caller's join.
 * Events of one call arrive in order (they are keyed by the edge call id); the inter-digit timer may fire on any
 * instance, so every write is made at the lobby version read, and a lost race means deciding again.
 */
@Component
public class Lobby implements TimerHandler {

    static final String DIGIT_TIMEOUT = "digits";
    private static final int CONFLICT_RETRIES = 8;

    private final CallStore calls;
    private final Directory directory;
    private final MeetingService meetings;
    private final EdgeCommands edge;
    private final Timers timers;
    private final Counters counters;
    private final CallMetrics metrics;
    private final Clock clock;
    private final Duration interDigitTimeout;

    Lobby(CallStore calls, Directory directory, MeetingService meetings, EdgeCommands edge, Timers timers,
            Counters counters, CallMetrics metrics, Clock clock,
            @Value("${conference.calls.inter-digit-timeout:PT3S}") Duration interDigitTimeout) {
        this.calls = calls;
        this.directory = directory;
        this.meetings = meetings;
        this.edge = edge;
        this.timers = timers;
        this.counters = counters;
        this.metrics = metrics;
        this.clock = clock;
        this.interDigitTimeout = interDigitTimeout;
    }

    /**
     * {@code call.offered}: a Call keying in its code, or — when the number is no DID, or no active room reference
     * reaches its group — a hang-up that leaves no Call behind. A redelivered offer changes nothing.
     */
    public Mono<Void> offered(TelephonyEvent event) {
        return calls.byEdgeCallId(event.callId()).hasElement().flatMap(known -> known ? Mono.empty()
                : directory.route(event.to()).map(Optional::of).defaultIfEmpty(Optional.empty())
                        .flatMap(route -> route.isPresent()
                                ? counters.next("calls").flatMap(callId -> admitToLobby(event, callId, route.get()))
                                : edge.send(event.callId(), TelephonyCommand.HANGUP, null)
                                        .doOnSuccess(sent -> metrics.refused("no-route"))));
    }

    private Mono<Void> admitToLobby(TelephonyEvent event, long callId, Route route) {
        int allowed = parseAttempts(route.valuesInForceAtDid().get("call_operator_after"));
        CallDocument call = new CallDocument(callId, event.callId(), 1, clock.millis(), event.from(), event.to(),
                event.addressFrom(), event.addressTo(), event.codec(), event.nodeName(), event.bridgeName(), "", 0, 0,
                0, 0, 0, 0, null, null, null, null, route.didGroupOwnerSid(), route.didGroupOwnerLineage(), 0,
                LobbyState.fresh(allowed, event.id()));
        return calls.insert(call).then();
    }

    public Mono<Void> keyed(TelephonyEvent event) {
        return retryingLostRaces(Mono.defer(() -> known(event).flatMap(call -> keyed(call, event))));
    }

    /** {@code call.hungup}: a caller in (or handed to) a meeting leaves it; one still keying leaves no Call. */
    public Mono<Void> hungUp(TelephonyEvent event) {
        return retryingLostRaces(Mono.defer(() -> known(event).flatMap(call -> {
            Long meeting = call.meeting();
            if (meeting == null) {
                return calls.removeWaiting(call).flatMap(removed -> removed
                        ? timers.cancel(DIGIT_TIMEOUT, Long.toString(call.id())) : Mono.error(lostRace(call)));
            }
            LobbyState lobby = call.lobby();
            return write(call, lobby.after(event.id(), lobby.digits(), lobby.attempts(), lobby.admittedTo(), true))
                    .then(meetings.requestLeave(meeting, call.id()));
        })));
    }

    @Override
    public String kind() {
        return DIGIT_TIMEOUT;
    }

    /** The inter-digit timeout: the buffered digits are the whole code. */
    @Override
    public Mono<Void> fire(String key) {
        return retryingLostRaces(Mono.defer(() -> calls.byId(Long.parseLong(key))
                .filter(Lobby::stillKeying)
                .flatMap(call -> withKeys(call, (route, keys) -> decide(call, null, route,
                        CodeEntry.timedOut(call.lobby().digits(), keys, call.lobby().attempts(),
                                call.lobby().attemptsAllowed()), clock.millis())))));
    }

    private Mono<CallDocument> known(TelephonyEvent event) {
        return calls.byEdgeCallId(event.callId()).switchIfEmpty(Mono.defer(() -> {
            metrics.ignored("unknown-call");
            return Mono.empty();
        }));
    }

    private Mono<Void> keyed(CallDocument call, TelephonyEvent event) {
        LobbyState lobby = call.lobby();
        if (lobby.handled(event.id())) {
            return lobby.admittedTo() != null && !call.inMeeting() && !lobby.hungUp() ? handOverAgain(call)
                    : Mono.empty();
        }
        if (lobby.hungUp()) {
            metrics.ignored("dtmf-after-hangup");
            return Mono.empty();
        }
        if (handedOver(call)) {
            // nothing to remember here: a redelivered event is forwarded again with the same id, which the meeting
            // recognises, and the hand-over was published before this event was read, so it stays ahead of it
            return meetings.requestDtmf(call.meeting(), call.id(), event.digits() == null ? "" : event.digits(),
                    event.id());
        }
        String digits = event.digits() == null ? "" : event.digits();
        return withKeys(call, (route, keys) -> decide(call, event.id(), route,
                CodeEntry.keyed(lobby.digits(), digits, keys, lobby.attempts(), lobby.attemptsAllowed()),
                event.occurredAt()));
    }

    private static boolean stillKeying(CallDocument call) {
        return !handedOver(call) && !call.lobby().hungUp();
    }

    /** Its code opened a room: from then on its digits are the meeting's to interpret. */
    private static boolean handedOver(CallDocument call) {
        return call.inMeeting() || call.lobby().admittedTo() != null;
    }

    private record Routed(Route route, Keychains keys) {
    }

    private interface KeyedDecision {
        Mono<Void> decide(Route route, Keychains keys);
    }

    /** Routes the call again (the room may have changed since it dialled); a call whose route vanished is refused. */
    private Mono<Void> withKeys(CallDocument call, KeyedDecision decision) {
        return directory.route(call.callee())
                .flatMap(route -> directory.keychains(route).map(keys -> new Routed(route, keys)))
                .map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(found -> found.isPresent() ? decision.decide(found.get().route(), found.get().keys())
                        : refuse(call, "no-route"));
    }

    private Mono<Void> decide(CallDocument call, String eventId, Route route, Result result, long keyedAt) {
        LobbyState lobby = call.lobby();
        String timer = Long.toString(call.id());
        Mono<Void> wrongCodePrompts = Flux.range(0, result.wrongCodes())
                .concatMap(i -> edge.send(call.edgeCallId(), TelephonyCommand.PLAY, "invalid-code")).then();
        return switch (result.verdict()) {
            case OPENED -> directory.open(route, result.opened().orElseThrow())
                    .map(Optional::of).defaultIfEmpty(Optional.empty())
                    .flatMap(opened -> opened.isEmpty() ? refuse(call, "no-route")
                            : write(call, lobby.after(eventId, "", result.attempts(), admissionOf(opened.get()), false))
                                    .then(cancelTimer(call))
                                    .then(handOver(call, opened.get(), keyedAt)));
            case REFUSED -> wrongCodePrompts.then(Mono.defer(() -> refuse(call, "wrong-code")));
            case WAITING -> wrongCodePrompts
                    .then(timers.arm(DIGIT_TIMEOUT, timer, interDigitTimeout))
                    .then(write(call, lobby.after(eventId, result.digits(), result.attempts(), null, false)));
            case IDLE -> wrongCodePrompts
                    .then(write(call, lobby.after(eventId, "", result.attempts(), null, false)))
                    .then(cancelTimer(call));
        };
    }

    /**
     * The inter-digit timer is armed only while digits are buffered; a caller who keyed its whole code at once never
     * had one, so a burst of such callers costs no deletes. A timer left by a lost race finds nothing buffered when
     * it fires and changes nothing.
     */
    private Mono<Void> cancelTimer(CallDocument call) {
        return call.lobby().digits().isEmpty() ? Mono.empty()
                : timers.cancel(DIGIT_TIMEOUT, Long.toString(call.id()));
    }

    private static Admission admissionOf(RoomAccess access) {
        return new Admission(access.meetingNumber(), access.accessCode(), access.role());
    }

    private Mono<Void> handOver(CallDocument call, RoomAccess access, long keyedAt) {
        RoomContext room = new RoomContext(access.meetingNumber(), access.ownerSid(), access.ownerLineage(),
                access.ownerName(), access.attributes());
        return meetings.requestJoin(call.entering(access.accessCode(), access.role()), room, keyedAt);
    }

    /**
     * A redelivered code event whose hand-over may not have reached the meeting (the process died in between):
     * hand the caller over again; a meeting ignores a caller it already has.
     */
    private Mono<Void> handOverAgain(CallDocument call) {
        Admission admission = call.lobby().admittedTo();
        Keychains.Key key = new Keychains.Key(admission.meetingNumber(), admission.accessCode(), admission.role());
        return directory.route(call.callee()).flatMap(route -> directory.open(route, key))
                .flatMap(access -> handOver(call, access, clock.millis()));
    }

    private Mono<Void> write(CallDocument call, LobbyState next) {
        return calls.updateLobby(call, next).flatMap(won -> won ? Mono.<Void>empty() : Mono.error(lostRace(call)));
    }

    /** The caller is hung up and leaves no Call behind. */
    private Mono<Void> refuse(CallDocument call, String reason) {
        return edge.send(call.edgeCallId(), TelephonyCommand.HANGUP, null)
                .then(calls.removeWaiting(call))
                .flatMap(removed -> {
                    if (!removed) {
                        return Mono.error(lostRace(call));
                    }
                    metrics.refused(reason);
                    return timers.cancel(DIGIT_TIMEOUT, Long.toString(call.id()));
                });
    }

    private static int parseAttempts(String value) {
        try {
            return value == null || value.isBlank() ? -1 : Integer.parseInt(value.trim());
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }

    private static Mono<Void> retryingLostRaces(Mono<Void> attempt) {
        return attempt.retryWhen(OptimisticWrites.retries(CONFLICT_RETRIES, ConcurrentWriteException.class::isInstance));
    }

    private static ConcurrentWriteException lostRace(CallDocument call) {
        return new ConcurrentWriteException(CallDocument.COLLECTION, call.id());
    }
}
