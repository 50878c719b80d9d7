package org.conference.edge.sip;

import java.text.ParseException;
import java.util.List;

import javax.sip.InvalidArgumentException;
import javax.sip.PeerUnavailableException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.ContactHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.conference.edge.support.EdgeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Builds and sends the edge's SIP responses, and counts every request by method and by the response it got
 * ({@code edge.sip.requests}). A response that cannot be sent (the transaction ended, the TCP connection closed) is
 * logged: the phone retransmits or gives up, the edge carries on.
 */
@Component
class SipMessages {

    /** What the edge does; anything else is 405. */
    static final List<String> ALLOWED = List.of(Request.INVITE, Request.ACK, Request.BYE, Request.CANCEL,
            Request.OPTIONS, Request.INFO);
    static final String APPLICATION = "application";

    private static final Logger log = LoggerFactory.getLogger(SipMessages.class);

    private final MessageFactory messages;
    private final HeaderFactory headers;
    private final AddressFactory addresses;
    private final EdgeProperties.Sip settings;
    private final MeterRegistry meters;

    SipMessages(EdgeProperties properties, MeterRegistry meters) throws PeerUnavailableException {
        SipFactory factory = SipFactory.getInstance();
        this.messages = factory.createMessageFactory();
        this.headers = factory.createHeaderFactory();
        this.addresses = factory.createAddressFactory();
        this.settings = properties.sip();
        this.meters = meters;
    }

    HeaderFactory headers() {
        return headers;
    }

    /** A response to {@code request}, with the edge's To tag on everything but 100 (RFC 3261 §8.2.6.2). */
    Response response(Request request, int status, String toTag) {
        try {
            Response response = messages.createResponse(status, request);
            if (status > Response.TRYING && toTag != null && response.getHeader(ToHeader.NAME) instanceof ToHeader to
                    && to.getTag() == null) {
                to.setTag(toTag);
            }
            if (status >= Response.OK && status < Response.MULTIPLE_CHOICES) {
                response.addHeader(contact(request));
            }
            return response;
        } catch (ParseException e) {
            throw new IllegalStateException("cannot build a " + status + " response", e);
        }
    }

    /** Sends and counts; false when it could not be sent. */
    boolean send(ServerTransaction transaction, Response response) {
        String method = transaction.getRequest().getMethod();
        try {
            transaction.sendResponse(response);
            count(method, String.valueOf(response.getStatusCode()));
            return true;
        } catch (SipException | InvalidArgumentException | RuntimeException e) {
            count(method, "unsent");
            log.debug("Could not send {} to {}: {}", response.getStatusCode(), method, e.toString());
            return false;
        }
    }

    boolean reply(ServerTransaction transaction, int status, String toTag) {
        return send(transaction, response(transaction.getRequest(), status, toTag));
    }

    /** A 4xx/5xx with a Warning (RFC 3261 §20.43) telling the phone why. */
    boolean refuse(ServerTransaction transaction, int status, int warning, String why, String toTag) {
        Response response = response(transaction.getRequest(), status, toTag);
        try {
            response.addHeader(headers.createWarningHeader(settings.advertisedHost(), warning,
                    why.replace('"', '\'')));
        } catch (ParseException | InvalidArgumentException e) {
            log.debug("Left the Warning out of a {}: {}", status, e.toString());
        }
        return send(transaction, response);
    }

    /** The methods the edge answers, for 200 to OPTIONS and 405. */
    void addAllow(Response response) {
        try {
            for (String method : ALLOWED) {
                response.addHeader(headers.createAllowHeader(method));
            }
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An ACK or a response to the edge's own request: counted without a response of its own. */
    void countUnanswered(String method) {
        count(method, "none");
    }

    private ContactHeader contact(Request request) throws ParseException {
        SipURI uri = addresses.createSipURI(null, settings.advertisedHost());
        uri.setPort(settings.port());
        if (request.getHeader(ViaHeader.NAME) instanceof ViaHeader via && "TCP".equalsIgnoreCase(via.getTransport())) {
            uri.setTransportParam("tcp");
        }
        return headers.createContactHeader(addresses.createAddress(uri));
    }

    private void count(String method, String response) {
        Counter.builder("edge.sip.requests").description("SIP requests received, by method and the response sent")
                .tag("method", method).tag("response", response).register(meters).increment();
    }
}
