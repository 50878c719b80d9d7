package org.conference.edge;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.conference.testsupport.processes.FreePorts;

/**
 * A SIP phone for the tests: a second JAIN-SIP stack on loopback, UDP and TCP, that places calls to the edge, sends
 * requests in them and keeps every response and request it receives. It answers the edge's BYE with 200.
 */
final class TestPhone implements SipListener, AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    private final SipStack stack;
    private final SipProvider provider;
    private final AddressFactory addresses;
    private final HeaderFactory headers;
    private final MessageFactory messages;
    private final int port;
    private final int edgePort;
    private final List<Response> responses = new CopyOnWriteArrayList<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    TestPhone(int edgePort) throws Exception {
        this.edgePort = edgePort;
        SipFactory factory = SipFactory.getInstance();
        Properties properties = new Properties();
        properties.setProperty("javax.sip.STACK_NAME", "test-phone-" + UUID.randomUUID());
        properties.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "on");
        stack = factory.createSipStack(properties);
        addresses = factory.createAddressFactory();
        headers = factory.createHeaderFactory();
        messages = factory.createMessageFactory();
        port = FreePorts.next();
        provider = stack.createSipProvider(stack.createListeningPoint("127.0.0.1", port, ListeningPoint.UDP));
        provider.addListeningPoint(stack.createListeningPoint("127.0.0.1", port, ListeningPoint.TCP));
        provider.addSipListener(this);
        stack.start();
    }

    static String offer(int rtpPort, String formats, String... attributes) {
        StringBuilder sdp = new StringBuilder("v=0\r\no=phone 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\n"
                + "t=0 0\r\nm=audio " + rtpPort + " RTP/AVP " + formats + "\r\n");
        for (String attribute : attributes) {
            sdp.append("a=").append(attribute).append("\r\n");
        }
        return sdp.toString();
    }

    /** PCMA preferred to PCMU, RFC 4733 on 101. */
    static String usualOffer(int rtpPort, String direction) {
        return offer(rtpPort, "8 0 101", "rtpmap:8 PCMA/8000", "rtpmap:0 PCMU/8000",
                "rtpmap:101 telephone-event/8000", "fmtp:101 0-16", direction);
    }

    /** One call placed by this phone. */
    final class Call {

        final ClientTransaction invite;
        final String sipCallId;

        Call(ClientTransaction invite) {
            this.invite = invite;
            this.sipCallId = ((CallIdHeader) invite.getRequest().getHeader(CallIdHeader.NAME)).getCallId();
        }

        Dialog dialog() {
            return invite.getDialog();
        }

        /** Waits for a response to this call's requests of {@code method} with {@code status}. */
        Response awaitResponse(String method, int status) {
            return await().atMost(PATIENCE).until(() -> responsesTo(method).stream()
                    .filter(response -> response.getStatusCode() == status).findFirst().orElse(null),
                    response -> response != null);
        }

        /** Waits for a response with {@code status} to this call's request of {@code method} with that CSeq. */
        Response awaitResponse(String method, int status, long cseq) {
            return await().atMost(PATIENCE).until(() -> responsesTo(method).stream()
                    .filter(response -> response.getStatusCode() == status && cseqOf(response) == cseq)
                    .findFirst().orElse(null), response -> response != null);
        }

        List<Response> responsesTo(String method) {
            return responses.stream().filter(response -> sipCallId.equals(callIdOf(response)))
                    .filter(response -> method.equals(((CSeqHeader) response.getHeader(CSeqHeader.NAME))
                            .getMethod()))
                    .toList();
        }

        /** The requests the edge sent in this call (its BYE). */
        List<Request> received(String method) {
            return requests.stream().filter(request -> sipCallId.equals(callIdOf(request)))
                    .filter(request -> method.equals(request.getMethod())).toList();
        }

        void ack(Response ok) throws Exception {
            long cseq = ((CSeqHeader) ok.getHeader(CSeqHeader.NAME)).getSeqNumber();
            dialog().sendAck(dialog().createAck(cseq));
        }

        /** Answered and acknowledged: the SDP answer. */
        String answered() throws Exception {
            Response ok = awaitResponse(Request.INVITE, Response.OK);
            ack(ok);
            return new String(ok.getRawContent(), StandardCharsets.US_ASCII);
        }

        /** Sends a request in the dialog; answers its CSeq. */
        long inDialog(String method, String type, String body) throws Exception {
            Request request = dialog().createRequest(method);
            if (body != null) {
                String[] contentType = type.split("/");
                request.setContent(body, headers.createContentTypeHeader(contentType[0], contentType[1]));
            }
            dialog().sendRequest(provider.getNewClientTransaction(request));
            return cseqOf(request);
        }

        /**
         * Sends a request in the dialog and waits for its final response, as phones do before the next one: the
         * edge's stack works on several requests at once and answers one that overtook a later one 500 (RFC 3261
         * §12.2.2).
         */
        Response exchange(String method, String type, String body) throws Exception {
            long cseq = inDialog(method, type, body);
            return await().atMost(PATIENCE).until(() -> responsesTo(method).stream()
                    .filter(response -> response.getStatusCode() >= 200 && cseqOf(response) == cseq)
                    .findFirst().orElse(null), response -> response != null);
        }

        void cancel() throws Exception {
            provider.getNewClientTransaction(invite.createCancel()).sendRequest();
        }
    }

    Call invite(String did, String body, String transport) throws Exception {
        SipURI target = addresses.createSipURI(did, "127.0.0.1");
        target.setPort(edgePort);
        target.setTransportParam(transport);
        Request request = request(Request.INVITE, target, transport);
        if (body != null) {
            request.setContent(body, headers.createContentTypeHeader("application", "sdp"));
        }
        ClientTransaction transaction = provider.getNewClientTransaction(request);
        transaction.sendRequest();
        return new Call(transaction);
    }

    Call invite(String did, String body) throws Exception {
        return invite(did, body, ListeningPoint.UDP);
    }

    /** Sends a request outside any dialog (OPTIONS, or one with a made-up To tag); answers its call. */
    Call outOfDialog(String method, String toTag) throws Exception {
        SipURI target = addresses.createSipURI("edge", "127.0.0.1");
        target.setPort(edgePort);
        Request request = request(method, target, ListeningPoint.UDP);
        if (toTag != null) {
            ((javax.sip.header.ToHeader) request.getHeader(javax.sip.header.ToHeader.NAME)).setTag(toTag);
        }
        ClientTransaction transaction = provider.getNewClientTransaction(request);
        transaction.sendRequest();
        return new Call(transaction);
    }

    private Request request(String method, SipURI target, String transport) throws Exception {
        SipURI caller = addresses.createSipURI("+15162065319", "127.0.0.1");
        Address from = addresses.createAddress("Test Caller", caller);
        Address to = addresses.createAddress(addresses.createSipURI(target.getUser(), "127.0.0.1"));
        SipURI contact = addresses.createSipURI("+15162065319", "127.0.0.1");
        contact.setPort(port);
        contact.setTransportParam(transport);
        List<ViaHeader> via = new ArrayList<>(List.of(headers.createViaHeader("127.0.0.1", port, transport, null)));
        Request request = messages.createRequest(target, method, provider.getNewCallId(),
                headers.createCSeqHeader(1L, method),
                headers.createFromHeader(from, Long.toHexString(ThreadLocalRandom.current().nextLong())),
                headers.createToHeader(to, null), via, headers.createMaxForwardsHeader(70));
        request.addHeader(headers.createContactHeader(addresses.createAddress(contact)));
        return request;
    }

    /** Bytes straight to the edge's UDP port, past any SIP stack. */
    void sendRaw(byte[] datagram) {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.send(new DatagramPacket(datagram, datagram.length, InetAddress.getLoopbackAddress(), edgePort));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void processRequest(RequestEvent event) {
        requests.add(event.getRequest());
        if (Request.ACK.equals(event.getRequest().getMethod())) {
            return;
        }
        try {
            ServerTransaction transaction = event.getServerTransaction() != null ? event.getServerTransaction()
                    : provider.getNewServerTransaction(event.getRequest());
            transaction.sendResponse(messages.createResponse(Response.OK, event.getRequest()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
        responses.add(event.getResponse());
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
    }

    static long cseqOf(javax.sip.message.Message message) {
        return ((CSeqHeader) message.getHeader(CSeqHeader.NAME)).getSeqNumber();
    }

    private static String callIdOf(javax.sip.message.Message message) {
        return ((CallIdHeader) message.getHeader(CallIdHeader.NAME)).getCallId();
    }

    @Override
    public void close() {
        stack.stop();
    }
}
