package org.conference.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.conference.common.events.TelephonyCommand;
import org.conference.edge.media.Codec;
import org.conference.testsupport.softphone.CallEnd;
import org.conference.testsupport.softphone.Softphone;
import org.conference.testsupport.softphone.SoftphoneOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * A real softphone against the edge's signalling: Debian's baresip, driven by test-support's {@link Softphone}
 * (headless, see STACK-NOTES.md), dials a DID, is answered, and hangs up itself or is hung up by the platform. The
 * audio goes to the stand-in media, which hears none of it: what is proven here is SIP and SDP interoperability.
 */
class BaresipInteropTest extends SipEdgeIntegrationTest {

    private static final String CALLER = "15162065319";

    private Softphone baresip;

    @BeforeAll
    static void needsBaresip() {
        Softphone.assumeAvailable();
    }

    @AfterEach
    void stopBaresip() {
        if (baresip != null) {
            baresip.close();
        }
    }

    @Test
    void baresipIsAnsweredWithItsCodecAndItsByeEndsTheCall() {
        String did = did();
        dial(did);

        JsonNode offered = offeredTo(did);
        String id = offered.get("callId").asString();
        assertThat(offered.get("from").asString()).isEqualTo(CALLER);
        assertThat(offered.get("codec").asString()).isEqualTo("PCMU");
        assertThat(offered.get("addressFrom").asString()).contains("sip:" + CALLER + "@127.0.0.1");
        assertThat(audioOf(id).offer().codec()).isEqualTo(Codec.PCMU);
        assertThat(audioOf(id).offer().payloadType()).isZero();
        assertThat(audioOf(id).offer().telephoneEventPayloadType()).as("baresip offers RFC 4733").isPositive();
        // baresip writes its interface's address into c=, not the loopback it signals from
        assertThat(audioOf(id).offer().phone().getPort()).isPositive();

        baresip.hangup();

        assertThat(baresip.awaitClosed(PATIENCE).cause()).isEqualTo(CallEnd.Cause.LOCAL_HANGUP);
        List<JsonNode> events = awaitEvents(id, 2);
        assertThat(events.get(1).get("type").asString()).isEqualTo("call.hungup");
        await().atMost(PATIENCE).until(() -> audioOf(id).closed());
    }

    @Test
    void aHangupFromThePlatformReachesBaresipAsABye() {
        String did = did();
        dial(did);
        String id = offeredTo(did).get("callId").asString();

        topics.command(id, TelephonyCommand.HANGUP, null);

        assertThat(baresip.awaitClosed(PATIENCE).cause()).as("the edge's BYE").isEqualTo(CallEnd.Cause.REMOTE_HANGUP);
        await().atMost(PATIENCE).until(() -> audioOf(id).closed());
        // the platform asked for the hang-up: the edge reports no call.hungup of its own
        await().during(Duration.ofSeconds(2)).atMost(PATIENCE).until(() -> events.eventsFor(id).size() == 1);
    }

    /** Starts baresip and dials {@code did} at the edge; returns once the edge has answered. */
    private void dial(String did) {
        baresip = Softphone.start(SoftphoneOptions.caller(CALLER, 500));
        baresip.dial("sip:" + did + "@127.0.0.1:" + sipPort());
        baresip.awaitEstablished(PATIENCE);
    }
}
