package org.conference.edge.sip;

import java.util.Properties;

import javax.sip.PeerUnavailableException;

import gov.nist.javax.sip.SipStackImpl;
import io.micrometer.core.instrument.Counter;

/**
 * NIST's stack with the counter of the messages it drops as malformed: its parsers are made by
 * {@link CountingParserFactory}, which the stack instantiates by class name and hands the stack.
 */
final class EdgeSipStack extends SipStackImpl {

    private final Counter malformed;

    EdgeSipStack(Properties properties, Counter malformed) throws PeerUnavailableException {
        super(properties);
        this.malformed = malformed;
    }

    void countMalformed() {
        malformed.increment();
    }
}
