package org.conference.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.conference.common.events.TelephonyCommand;
import org.conference.edge.media.Codec;
import org.conference.testsupport.processes.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

/**
 * A real softphone against the edge's signalling: Debian's baresip (headless, see STACK-NOTES.md), when it is
 * installed, dials a DID, is answered, and hangs up itself or is hung up by the platform. The audio goes to the
 * stand-in media, which hears none of it: what is proven here is SIP and SDP interoperability.
 */
@EnabledIf("baresipInstalled")
class BaresipInteropTest extends SipEdgeIntegrationTest {

    @TempDir
    Path home;

    private Process baresip;
    private int control;

    static boolean baresipInstalled() {
        return Files.isExecutable(Path.of("/usr/bin/baresip"));
    }

    @AfterEach
    void stopBaresip() throws Exception {
        Path log = home.resolve("baresip.log");
        if (Files.exists(log)) {
            // in the test's output, for when it fails
            System.out.println("baresip's log:\n" + Files.readString(log));
        }
        if (baresip != null) {
            baresip.destroy();
            if (!baresip.waitFor(10, TimeUnit.SECONDS)) {
                baresip.destroyForcibly();
            }
        }
    }

    @Test
    void baresipIsAnsweredWithItsCodecAndItsByeEndsTheCall() throws Exception {
        String did = did();
        dial(did);

        JsonNode offered = offeredTo(did);
        String id = offered.get("callId").asString();
        assertThat(offered.get("from").asString()).isEqualTo("+15162065319");
        assertThat(offered.get("codec").asString()).isEqualTo("PCMU");
        assertThat(offered.get("addressFrom").asString()).contains("sip:+15162065319@127.0.0.1");
        awaitLog("Call established");
        assertThat(audioOf(id).offer().codec()).isEqualTo(Codec.PCMU);
        assertThat(audioOf(id).offer().payloadType()).isZero();
        assertThat(audioOf(id).offer().telephoneEventPayloadType()).as("baresip offers RFC 4733").isPositive();
        // baresip writes its interface's address into c=, not the loopback it signals from
        assertThat(audioOf(id).offer().phone().getPort()).isPositive();

        command("hangup");

        List<JsonNode> events = awaitEvents(id, 2);
        assertThat(events.get(1).get("type").asString()).isEqualTo("call.hungup");
        await().atMost(PATIENCE).until(() -> audioOf(id).closed());
    }

    @Test
    void aHangupFromThePlatformReachesBaresipAsABye() throws Exception {
        String did = did();
        dial(did);
        String id = offeredTo(did).get("callId").asString();
        awaitLog("Call established");

        topics.command(id, TelephonyCommand.HANGUP, null);

        awaitLog("session closed");
        await().atMost(PATIENCE).until(() -> audioOf(id).closed());
        await().during(Duration.ofSeconds(2)).atMost(PATIENCE).until(() -> events.eventsFor(id).size() == 1);
    }

    private void dial(String did) throws IOException {
        int sip = FreePorts.next();
        control = FreePorts.next();
        Files.writeString(home.resolve("config"), String.join("\n",
                "sip_listen 127.0.0.1:" + sip,
                "audio_player aubridge,speaker",
                "audio_source ausine,440",
                "ausrc_srate 48000",
                "ausrc_channels 2",
                "module_path /usr/lib/baresip/modules",
                "module g711.so",
                "module ausine.so",
                "module aubridge.so",
                "module_app account.so",
                "module_app menu.so",
                "module_app ctrl_tcp.so",
                "ctrl_tcp_listen 127.0.0.1:" + control, ""));
        Files.writeString(home.resolve("accounts"),
                "<sip:+15162065319@127.0.0.1:" + sip + ">;regint=0;answermode=auto;audio_codecs=PCMU\n");
        baresip = new ProcessBuilder("baresip", "-f", home.toString(), "-e",
                "/dial sip:" + did + "@127.0.0.1:" + sipPort())
                .redirectErrorStream(true).redirectOutput(home.resolve("baresip.log").toFile())
                .redirectInput(new File("/dev/null")).start();
    }

    private void awaitLog(String text) {
        await().atMost(PATIENCE).until(() -> Files.readString(home.resolve("baresip.log")).contains(text));
    }

    /** A ctrl_tcp command: a netstring of JSON. */
    private void command(String name) throws IOException {
        String json = "{\"command\":\"" + name + "\"}";
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), control)) {
            OutputStream out = socket.getOutputStream();
            out.write((json.length() + ":" + json + ",").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }
}
