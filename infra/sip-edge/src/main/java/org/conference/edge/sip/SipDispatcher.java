package org.conference.edge.sip;

import java.text.ParseException;
import java.util.Optional;

import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.conference.edge.calls.CallRegistry;
import org.conference.edge.calls.EdgeCall;
import org.conference.edge.calls.EndReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * JAIN-SIP's listener: every request the stack has parsed comes here, on the stack's event thread, and is answered
 * without blocking it (Kafka and the 200 after it go on in the background). A request the edge does not serve gets
 * 405 with {@code Allow}; one in a dialog the edge does not hold, 481; and a failure handling any request is logged
 * and answered 500, never thrown back into the stack.
 */
@Component
class SipDispatcher implements SipListener {

    private static final Logger log = LoggerFactory.getLogger(SipDispatcher.class);

    private final InviteHandler invites;
    private final DialogRequests dialogs;
    private final CallRegistry calls;
    private final Hangups hangups;
    private final SipMessages messages;

    SipDispatcher(InviteHandler invites, DialogRequests dialogs, CallRegistry calls, Hangups hangups,
            SipMessages messages) {
        this.invites = invites;
        this.dialogs = dialogs;
        this.calls = calls;
        this.hangups = hangups;
        this.messages = messages;
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        if (Request.ACK.equals(request.getMethod())) {
            // The 2xx ACK confirms the dialog in the stack; a non-2xx ACK ends its transaction there.
            messages.countUnanswered(Request.ACK);
            return;
        }
        SipProvider provider = (SipProvider) event.getSource();
        ServerTransaction transaction = event.getServerTransaction();
        try {
            if (transaction == null) {
                transaction = provider.getNewServerTransaction(request);
            }
            dispatch(provider, transaction);
        } catch (TransactionAlreadyExistsException e) {
            log.trace("A retransmission of {}: its transaction answers it", request.getMethod());
        } catch (SipException | RuntimeException e) {
            log.warn("Failed handling {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString(), e);
            if (transaction != null) {
                messages.reply(transaction, Response.SERVER_INTERNAL_ERROR, null);
            }
        }
    }

    private void dispatch(SipProvider provider, ServerTransaction transaction) throws SipException {
        Request request = transaction.getRequest();
        String method = request.getMethod();
        boolean inDialog = ((ToHeader) request.getHeader(ToHeader.NAME)).getTag() != null;
        switch (method) {
            case Request.INVITE -> {
                if (inDialog) {
                    inDialog(transaction);
                } else {
                    invites.onInvite(provider, transaction);
                }
            }
            case Request.CANCEL -> invites.onCancel(transaction);
            case Request.OPTIONS -> options(transaction);
            case Request.BYE, Request.INFO -> inDialog(transaction);
            default -> {
                Response response = messages.response(request, Response.METHOD_NOT_ALLOWED, null);
                messages.addAllow(response);
                messages.send(transaction, response);
            }
        }
    }

    private void inDialog(ServerTransaction transaction) {
        Request request = transaction.getRequest();
        String sipCallId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        String toTag = ((ToHeader) request.getHeader(ToHeader.NAME)).getTag();
        Optional<EdgeCall> call = calls.liveBySipCallId(sipCallId);
        if (call.isEmpty() || !(call.get().line() instanceof SipSession session)
                || (toTag != null && !toTag.equals(session.localTag()))) {
            boolean repeatedBye = Request.BYE.equals(request.getMethod()) && calls.endedRecentlyBySipCallId(sipCallId);
            messages.reply(transaction, repeatedBye ? Response.OK : Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST,
                    null);
            return;
        }
        switch (request.getMethod()) {
            case Request.INVITE -> dialogs.onReinvite(call.get(), session, transaction);
            case Request.BYE -> dialogs.onBye(call.get(), transaction);
            default -> dialogs.onInfo(call.get(), session, transaction);
        }
    }

    private void options(ServerTransaction transaction) {
        Response response = messages.response(transaction.getRequest(), Response.OK, null);
        messages.addAllow(response);
        try {
            response.addHeader(messages.headers().createAcceptHeader(SipMessages.APPLICATION, "sdp"));
            response.addHeader(messages.headers().createAcceptHeader(SipMessages.APPLICATION, DtmfInfo.RELAY));
            response.addHeader(messages.headers().createAcceptHeader(SipMessages.APPLICATION, DtmfInfo.PLAIN));
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
        messages.send(transaction, response);
    }

    @Override
    public void processResponse(ResponseEvent event) {
        // The answers to the edge's own BYEs: the call has ended here whatever the phone says.
        log.debug("{} to the edge's {}", event.getResponse().getStatusCode(),
                event.getClientTransaction() == null ? "request" : event.getClientTransaction().getRequest()
                        .getMethod());
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        log.debug("A SIP transaction timed out: {}", event.getTimeout());
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        log.debug("SIP I/O failure towards {}:{} ({})", event.getHost(), event.getPort(), event.getTransport());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // Nothing is kept per transaction.
    }

    /** A dialog the stack gave up (no ACK for the 200, for one) while the call was up: the phone is gone. */
    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        String sipCallId = event.getDialog().getCallId().getCallId();
        calls.liveBySipCallId(sipCallId).filter(call -> call.state() == EdgeCall.State.ANSWERED)
                .ifPresent(call -> hangups.endedByPhone(call, EndReason.EDGE_FAILURE));
    }
}
