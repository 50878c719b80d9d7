package org.conference.edge.sip;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import javax.sip.ServerTransaction;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.WarningHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.conference.common.events.TelephonyEvent;
import org.conference.edge.calls.EdgeCall;
import org.conference.edge.calls.EndReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Requests inside a call the edge holds: re-INVITE (the phone holds, resumes or moves its audio), BYE (the phone
 * hangs up) and INFO (a key, the fallback to RFC 4733). The dispatcher has found the call; a request for a dialog
 * the edge does not hold never gets here (481).
 */
@Component
class DialogRequests {

    private static final Logger log = LoggerFactory.getLogger(DialogRequests.class);

    private final SipMessages messages;
    private final Hangups hangups;
    private final Clock clock;

    DialogRequests(SipMessages messages, Hangups hangups, Clock clock) {
        this.messages = messages;
        this.hangups = hangups;
        this.clock = clock;
    }

    /**
     * A re-INVITE: {@code sendonly} or {@code inactive} (or the old {@code c=0.0.0.0}) is the phone holding the call,
     * answered {@code recvonly}/{@code inactive}; {@code sendrecv} again resumes it; a new address moves the audio. An
     * offer the edge cannot answer leaves the session as it was (488, RFC 3261 §14.2).
     */
    void onReinvite(EdgeCall call, SipSession session, ServerTransaction transaction) {
        byte[] body = transaction.getRequest().getRawContent();
        SdpOffer offer;
        try {
            offer = body == null || body.length == 0 ? null : SdpOffer.parse(body);
        } catch (UnusableOfferException e) {
            messages.refuse(transaction, Response.NOT_ACCEPTABLE_HERE, WarningHeader.INCOMPATIBLE_MEDIA_FORMAT,
                    e.getMessage(), session.localTag());
            return;
        }
        if (offer == null) {
            // No offer (a session refresh): the edge offers what it has, and the ACK's answer changes nothing.
            session.reanswer(transaction, session.answer().next(Direction.SENDRECV));
            return;
        }
        if (!offer.direction().holds() && !offer.phone().equals(session.phone())) {
            session.phoneAt(offer.phone());
            call.audio().phoneAt(offer.phone());
        }
        call.audio().heldByPhone(offer.direction().holds());
        session.reanswer(transaction, session.answer().next(offer.direction()));
    }

    void onBye(EdgeCall call, ServerTransaction transaction) {
        messages.reply(transaction, Response.OK, null);
        hangups.endedByPhone(call, EndReason.PHONE_HUNG_UP);
    }

    /** An INFO key: 200 and {@code call.dtmf}; 415 for a body of another type; 400 for a key the platform lacks. */
    void onInfo(EdgeCall call, SipSession session, ServerTransaction transaction) {
        Request request = transaction.getRequest();
        byte[] body = request.getRawContent();
        if (body == null || body.length == 0) {
            // An empty INFO is a keep-alive of some phones.
            messages.reply(transaction, Response.OK, null);
            return;
        }
        ContentTypeHeader type = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
        boolean dtmf = type != null && SipMessages.APPLICATION.equalsIgnoreCase(type.getContentType())
                && (DtmfInfo.RELAY.equalsIgnoreCase(type.getContentSubType())
                        || DtmfInfo.PLAIN.equalsIgnoreCase(type.getContentSubType()));
        if (!dtmf) {
            messages.reply(transaction, Response.UNSUPPORTED_MEDIA_TYPE, null);
            return;
        }
        Optional<Character> key = DtmfInfo.keyOf(type.getContentSubType(), body);
        if (key.isEmpty()) {
            messages.refuse(transaction, Response.BAD_REQUEST, WarningHeader.MISCELLANEOUS_WARNING,
                    "not a key of 0-9, * or #", null);
            return;
        }
        messages.reply(transaction, Response.OK, null);
        log.debug("Call {} keyed {} by INFO", call.id(), key.get());
        session.publish(TelephonyEvent.dtmf(UUID.randomUUID().toString(), call.id(), clock.millis(),
                String.valueOf(key.get())));
    }
}
