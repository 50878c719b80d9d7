package org.conference.edge.sip;

import java.text.ParseException;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.parser.StringMsgParser;
import gov.nist.javax.sip.stack.SIPTransactionStack;

/**
 * JAIN-SIP's own parser, counting what it cannot use: a message whose start line or required headers do not parse
 * (the stack drops it, or answers a request it can still read 400), and one that parses but lacks a header every SIP
 * message must have. Named in {@code gov.nist.javax.sip.MESSAGE_PARSER_FACTORY}; the stack creates it by reflection
 * (hence public, with a no-argument constructor), for UDP datagrams and TCP streams alike.
 */
public class CountingParserFactory implements MessageParserFactory {

    @Override
    public MessageParser createMessageParser(SIPTransactionStack stack) {
        StringMsgParser parser = new StringMsgParser();
        Runnable malformed = stack instanceof EdgeSipStack edge ? edge::countMalformed : () -> { };
        return (bytes, readBody, strict, listener) -> {
            try {
                SIPMessage message = parser.parseSIPMessage(bytes, readBody, strict, listener);
                if (message != null && (message.getFrom() == null || message.getTo() == null
                        || message.getCallId() == null || message.getCSeq() == null
                        || message.getViaHeaders() == null)) {
                    malformed.run();
                }
                return message;
            } catch (ParseException e) {
                malformed.run();
                throw e;
            }
        };
    }
}
