package org.conference.edge.sip;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.WarningHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.conference.common.events.TelephonyEvent;
import org.conference.edge.calls.CallRegistry;
import org.conference.edge.calls.EdgeCall;
import org.conference.edge.calls.EndReason;
import org.conference.edge.media.CallAudio;
import org.conference.edge.media.Media;
import org.conference.edge.media.MediaCapacityException;
import org.conference.edge.support.EdgeProperties;
import org.conference.common.telephony.TelephonyPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A phone calls in: {@code 100 Trying}; the SDP offer read (488 without a usable one); the call's audio opened (503
 * with {@code Retry-After} when the edge is at capacity: shed before any audio); {@code call.offered} published; once
 * the platform has it (and after the ring time, with 180), {@code 200} with the SDP answer. A phone that gives up
 * first sends CANCEL: 200 for it, 487 for the INVITE, {@code call.hungup} after the offer.
 */
@Component
class InviteHandler {

    private static final Logger log = LoggerFactory.getLogger(InviteHandler.class);

    private final Media media;
    private final CallRegistry calls;
    private final SipMessages messages;
    private final Hangups hangups;
    private final TelephonyPublisher publisher;
    private final EdgeProperties properties;
    private final Clock clock;
    private final Counter shed;

    InviteHandler(Media media, CallRegistry calls, SipMessages messages, Hangups hangups,
            TelephonyPublisher publisher, EdgeProperties properties, Clock clock, MeterRegistry meters) {
        this.media = media;
        this.calls = calls;
        this.messages = messages;
        this.hangups = hangups;
        this.publisher = publisher;
        this.properties = properties;
        this.clock = clock;
        this.shed = Counter.builder("edge.calls.shed").description("New calls refused with 503 at capacity")
                .register(meters);
    }

    void onInvite(SipProvider provider, ServerTransaction transaction) {
        Request request = transaction.getRequest();
        String sipCallId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        String localTag = Long.toHexString(ThreadLocalRandom.current().nextLong());
        if (calls.liveBySipCallId(sipCallId).isPresent()) {
            // A second dialog-creating INVITE with a Call-ID in use (a fork looping back, or a broken phone).
            messages.reply(transaction, Response.LOOP_DETECTED, localTag);
            return;
        }
        messages.reply(transaction, Response.TRYING, null);
        SdpOffer offer;
        try {
            offer = SdpOffer.parse(request.getRawContent());
        } catch (UnusableOfferException e) {
            messages.refuse(transaction, Response.NOT_ACCEPTABLE_HERE, WarningHeader.INCOMPATIBLE_MEDIA_FORMAT,
                    e.getMessage(), localTag);
            return;
        }
        String id = "sip-" + UUID.randomUUID();
        CallAudio audio;
        try {
            audio = media.open(id, offer.audioOffer(), new PhoneAudioEvents(id, calls, hangups, clock));
        } catch (MediaCapacityException e) {
            shed.increment();
            refuseAtCapacity(transaction, localTag, e.getMessage());
            return;
        }
        SdpAnswer answer = SdpAnswer.first(properties.sip().mediaAddress(), audio.localPort(), offer,
                clock.millis());
        SipSession session = new SipSession(provider, transaction, messages, localTag, new CallEvents(publisher),
                answer, offer.phone());
        EdgeCall call = new EdgeCall(id, sipCallId, audio, session, clock.millis());
        calls.admit(call);
        if (offer.direction().holds()) {
            audio.heldByPhone(true);
        }
        session.publish(TelephonyEvent.offered(UUID.randomUUID().toString(), id, call.createdAt(),
                        offerOf(request, offer)))
                .then(ringing(session))
                .subscribe(done -> { }, failure -> unoffered(call, session), () -> answer(call, session));
    }

    void onCancel(ServerTransaction cancel) {
        Request request = cancel.getRequest();
        String sipCallId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        messages.reply(cancel, Response.OK, null);
        Optional<EdgeCall> call = calls.liveBySipCallId(sipCallId);
        if (call.isPresent() && call.get().state() == EdgeCall.State.RINGING
                && call.get().line() instanceof SipSession session
                && hangups.endedByPhone(call.get(), EndReason.PHONE_HUNG_UP)) {
            session.reject(Response.REQUEST_TERMINATED);
        }
    }

    /** With a ring time, the phone hears ringing first (on a thread that may block: the send). */
    private Mono<Void> ringing(SipSession session) {
        Duration ringTime = properties.sip().ringTime();
        if (ringTime.isZero() || ringTime.isNegative()) {
            return Mono.empty();
        }
        return Mono.fromRunnable(session::ring)
                .then(Mono.delay(ringTime, Schedulers.boundedElastic())).then();
    }

    private void answer(EdgeCall call, SipSession session) {
        if (call.answer() && !session.sendAnswer()) {
            log.warn("Could not answer call {} ({}): ending it", call.id(), call.sipCallId());
            hangups.endedByPhone(call, EndReason.EDGE_FAILURE);
        }
    }

    /** The platform never heard of the call: the phone is refused rather than answered into silence. */
    private void unoffered(EdgeCall call, SipSession session) {
        if (calls.end(call, EndReason.EDGE_FAILURE)) {
            session.reject(Response.SERVICE_UNAVAILABLE);
        }
    }

    private void refuseAtCapacity(ServerTransaction transaction, String localTag, String why) {
        Response response = messages.response(transaction.getRequest(), Response.SERVICE_UNAVAILABLE, localTag);
        try {
            response.addHeader(messages.headers().createRetryAfterHeader(
                    (int) Math.max(1, properties.sip().retryAfter().toSeconds())));
        } catch (InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
        log.info("Shed a call at capacity: {}", why);
        messages.send(transaction, response);
    }

    /**
     * The Call object's phone-side fields: {@code from} the From user, {@code to} the Request-URI user (the dialled
     * DID); {@code addressFrom} the From header's address as the phone sent it (name and SIP URI, without tag);
     * {@code addressTo} as the reference's sample shows it, {@code "<did>" <sip:<did>@<nodeName>>}.
     */
    private TelephonyEvent.Offer offerOf(Request request, SdpOffer offer) {
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
        String caller = userOf(from.getAddress().getURI());
        String dialled = userOf(request.getRequestURI());
        String node = properties.nodeName();
        return new TelephonyEvent.Offer(caller, dialled, from.getAddress().toString(),
                "\"" + dialled + "\" <sip:" + dialled + "@" + node + ">", offer.codec().name(), node,
                properties.bridgeName());
    }

    private static String userOf(URI uri) {
        if (uri instanceof SipURI sip) {
            return sip.getUser() != null ? sip.getUser() : sip.getHost();
        }
        // tel: URIs and the like: what follows the scheme, without parameters.
        String text = uri.toString();
        int colon = text.indexOf(':');
        int semicolon = text.indexOf(';');
        return text.substring(colon + 1, semicolon > colon ? semicolon : text.length());
    }
}
