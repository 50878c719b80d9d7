package org.conference.edge.sip;

import java.text.ParseException;
import java.util.List;
import java.util.Properties;
import java.util.TooManyListenersException;

import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.SipException;
import javax.sip.SipProvider;

import org.conference.edge.support.EdgeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The SIP side of the edge: one JAIN-SIP stack listening on {@code conference.edge.sip.port} over UDP and TCP, one
 * provider for both, {@link SipDispatcher} its listener. It starts last and stops first, so that no phone reaches an
 * edge whose Kafka side is not up. A port already taken fails the start-up.
 */
@Component
class SipEndpoint implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SipEndpoint.class);
    private static final List<String> TRANSPORTS = List.of(ListeningPoint.UDP, ListeningPoint.TCP);

    private final SipDispatcher dispatcher;
    private final EdgeProperties.Sip settings;
    private final Counter malformed;
    private volatile EdgeSipStack stack;

    SipEndpoint(SipDispatcher dispatcher, EdgeProperties properties, MeterRegistry meters) {
        this.dispatcher = dispatcher;
        this.settings = properties.sip();
        this.malformed = Counter.builder("edge.sip.malformed")
                .description("SIP messages dropped because they could not be parsed or lack required headers")
                .register(meters);
    }

    @Override
    public void start() {
        try {
            EdgeSipStack created = new EdgeSipStack(stackProperties(), malformed);
            SipProvider provider = null;
            for (String transport : TRANSPORTS) {
                ListeningPoint point = created.createListeningPoint(settings.host(), settings.port(), transport);
                if (!settings.advertisedHost().equals(settings.host())) {
                    point.setSentBy(settings.advertisedHost() + ":" + settings.port());
                }
                if (provider == null) {
                    provider = created.createSipProvider(point);
                } else {
                    provider.addListeningPoint(point);
                }
            }
            provider.addSipListener(dispatcher);
            created.start();
            stack = created;
            log.info("SIP on {}:{} (UDP and TCP), advertised as {}", settings.host(), settings.port(),
                    settings.advertisedHost());
        } catch (SipException | InvalidArgumentException | ParseException | TooManyListenersException e) {
            throw new IllegalStateException("cannot listen for SIP on " + settings.host() + ":" + settings.port()
                    + " (conference.edge.sip.host/port): " + e.getMessage(), e);
        }
    }

    private Properties stackProperties() {
        Properties properties = new Properties();
        // Also the name of the stack's logger (see application.yml).
        properties.setProperty("javax.sip.STACK_NAME", "sip-edge");
        properties.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "on");
        properties.setProperty("gov.nist.javax.sip.MESSAGE_PARSER_FACTORY", CountingParserFactory.class.getName());
        // Bounds what one TCP peer can make the edge buffer; SDP offers are a few hundred bytes.
        properties.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", "65536");
        properties.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "4");
        properties.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
        return properties;
    }

    @Override
    public void stop() {
        EdgeSipStack running = stack;
        stack = null;
        if (running != null) {
            running.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return stack != null;
    }
}
