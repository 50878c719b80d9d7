package org.conference.edge.sip;

import java.net.InetSocketAddress;
import java.text.ParseException;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.conference.common.events.TelephonyEvent;
import org.conference.edge.calls.PhoneLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The signalling side of one call: its INVITE transaction and dialog, the last SDP answer, where the phone's audio
 * is, and the ordered lane of its events. Sends happen on the thread that asks, except {@link #hangUp}, which is
 * asked from media and Kafka threads and so sends in the background.
 */
final class SipSession implements PhoneLine {

    private static final Logger log = LoggerFactory.getLogger(SipSession.class);

    private final SipProvider provider;
    private final ServerTransaction invite;
    private final SipMessages messages;
    private final String localTag;
    private final CallEvents events;
    private volatile SdpAnswer answer;
    private volatile InetSocketAddress phone;
    private volatile boolean answered;

    SipSession(SipProvider provider, ServerTransaction invite, SipMessages messages, String localTag,
            CallEvents events, SdpAnswer answer, InetSocketAddress phone) {
        this.provider = provider;
        this.invite = invite;
        this.messages = messages;
        this.localTag = localTag;
        this.events = events;
        this.answer = answer;
        this.phone = phone;
    }

    String localTag() {
        return localTag;
    }

    SdpAnswer answer() {
        return answer;
    }

    InetSocketAddress phone() {
        return phone;
    }

    void phoneAt(InetSocketAddress address) {
        this.phone = address;
    }

    Mono<Void> publish(TelephonyEvent event) {
        return events.publish(event);
    }

    void ring() {
        messages.reply(invite, Response.RINGING, localTag);
    }

    /** The 200 with the SDP answer; false when it could not be sent. */
    boolean sendAnswer() {
        answered = true;
        return messages.send(invite, withAnswer(invite.getRequest(), Response.OK, answer));
    }

    /** A 200 to a re-INVITE, with the next answer of this session. */
    boolean reanswer(ServerTransaction reinvite, SdpAnswer next) {
        this.answer = next;
        return messages.send(reinvite, withAnswer(reinvite.getRequest(), Response.OK, next));
    }

    /** Ends the INVITE before it was answered (CANCEL: 487; failure: 5xx). */
    void reject(int status) {
        messages.reply(invite, status, localTag);
    }

    @Override
    public void hangUp() {
        Schedulers.boundedElastic().schedule(() -> {
            if (answered) {
                sendBye();
            } else {
                reject(Response.TEMPORARILY_UNAVAILABLE);
            }
        });
    }

    private void sendBye() {
        Dialog dialog = invite.getDialog();
        try {
            Request bye = dialog.createRequest(Request.BYE);
            ClientTransaction transaction = provider.getNewClientTransaction(bye);
            dialog.sendRequest(transaction);
        } catch (SipException | RuntimeException e) {
            log.warn("Could not send BYE on {}: {}", dialog == null ? "no dialog" : dialog.getCallId().getCallId(),
                    e.toString());
        }
    }

    private Response withAnswer(Request request, int status, SdpAnswer sdp) {
        Response response = messages.response(request, status, localTag);
        try {
            ContentTypeHeader type = messages.headers().createContentTypeHeader(SipMessages.APPLICATION, "sdp");
            response.setContent(sdp.toBytes(), type);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
        return response;
    }
}
