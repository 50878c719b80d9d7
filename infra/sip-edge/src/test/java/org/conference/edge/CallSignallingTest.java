package org.conference.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;

import javax.sip.ListeningPoint;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.conference.edge.media.Codec;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** A phone's call through the edge: offered, answered with SDP, keys, hold from the phone, hang-up (§6). */
class CallSignallingTest extends SipEdgeIntegrationTest {

    @Test
    void anInviteIsTriedOfferedToThePlatformAndAnsweredWithTheChosenCodecAndTelephoneEvents() throws Exception {
        String did = did();
        TestPhone.Call call = phone.invite(did, TestPhone.usualOffer(40000, "sendrecv"));

        call.awaitResponse(Request.INVITE, Response.TRYING);
        call.awaitResponse(Request.INVITE, Response.RINGING);
        String answer = call.answered();
        String id = offeredCallId(call);
        StandInMedia.StandInAudio audio = audioOf(id);

        assertThat(id).startsWith("sip-");
        assertThat(audio.offer().phone().getPort()).isEqualTo(40000);
        assertThat(audio.offer().phone().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(audio.offer().codec()).as("the phone's first G.711").isEqualTo(Codec.PCMA);
        assertThat(audio.offer().payloadType()).isEqualTo(8);
        assertThat(audio.offer().telephoneEventPayloadType()).isEqualTo(101);
        assertThat(answer).contains("c=IN IP4 127.0.0.1\r\n")
                .contains("m=audio " + audio.localPort() + " RTP/AVP 8 101\r\n")
                .contains("a=rtpmap:8 PCMA/8000\r\n", "a=rtpmap:101 telephone-event/8000\r\n",
                        "a=fmtp:101 0-16\r\n", "a=ptime:20\r\n", "a=sendrecv\r\n");

        JsonNode offered = awaitEvents(id, 1).get(0);
        assertThat(offered.get("type").asString()).isEqualTo("call.offered");
        assertThat(offered.get("from").asString()).isEqualTo("+15162065319");
        assertThat(offered.get("to").asString()).isEqualTo(did);
        assertThat(offered.get("addressFrom").asString()).isEqualTo("\"Test Caller\" <sip:+15162065319@127.0.0.1>");
        assertThat(offered.get("addressTo").asString()).isEqualTo("\"" + did + "\" <sip:" + did + "@10.2.114.15>");
        assertThat(offered.get("codec").asString()).isEqualTo("PCMA");
        assertThat(offered.get("nodeName").asString()).isEqualTo("10.2.114.15");
        assertThat(offered.get("bridgeName").asString()).isEqualTo("TEST-BRIDGE");
    }

    @Test
    void aPhoneOfferingOnlyPcmuWithoutTelephoneEventsGetsPcmuAndRfc4733On101() throws Exception {
        TestPhone.Call call = phone.invite(did(), TestPhone.offer(40002, "0", "rtpmap:0 PCMU/8000"));

        String answer = call.answered();
        StandInMedia.StandInAudio audio = audioOf(offeredCallId(call));

        assertThat(audio.offer().codec()).isEqualTo(Codec.PCMU);
        assertThat(audio.offer().telephoneEventPayloadType()).isEqualTo(-1);
        assertThat(answer).contains("RTP/AVP 0 101\r\n", "a=rtpmap:0 PCMU/8000\r\n", "a=fmtp:101 0-16\r\n");
    }

    @Test
    void aKeyByInfoBecomesOneDtmfEventPerKeyInOrder() throws Exception {
        TestPhone.Call call = phone.invite(did(), TestPhone.usualOffer(40004, "sendrecv"));
        String id = answeredCall(call);

        List<Response> answers = List.of(
                call.exchange(Request.INFO, "application/dtmf-relay", "Signal=5\r\nDuration=160\r\n"),
                call.exchange(Request.INFO, "application/dtmf", "#"),
                call.exchange(Request.INFO, "application/dtmf-relay", "Signal=11\r\nDuration=160\r\n"));

        List<JsonNode> events = awaitEvents(id, 4);
        assertThat(events).extracting(event -> event.get("type").asString())
                .containsExactly("call.offered", "call.dtmf", "call.dtmf", "call.dtmf");
        assertThat(events.subList(1, 4)).extracting(event -> event.get("digits").asString())
                .containsExactly("5", "#", "#");
        assertThat(answers).extracting(Response::getStatusCode).containsOnly(Response.OK);
    }

    @Test
    void anInfoThatIsNoKeyIsRefusedAndPublishesNothing() throws Exception {
        TestPhone.Call call = phone.invite(did(), TestPhone.usualOffer(40006, "sendrecv"));
        String id = answeredCall(call);

        assertThat(call.exchange(Request.INFO, "application/dtmf-relay", "Signal=X\r\n").getStatusCode())
                .isEqualTo(Response.BAD_REQUEST);
        assertThat(call.exchange(Request.INFO, "application/media_control+xml", "<media_control/>")
                .getStatusCode()).isEqualTo(Response.UNSUPPORTED_MEDIA_TYPE);
        call.exchange(Request.INFO, "application/dtmf", "3");

        List<JsonNode> events = awaitEvents(id, 2);
        assertThat(events).hasSize(2);
        assertThat(events.get(1).get("digits").asString()).isEqualTo("3");
    }

    @Test
    void anRfc4733KeyTheMediaReportsBecomesADtmfEvent() throws Exception {
        TestPhone.Call call = phone.invite(did(), TestPhone.usualOffer(40008, "sendrecv"));
        String id = answeredCall(call);

        audioOf(id).events().dtmf('7');
        audioOf(id).events().dtmf('*');
        audioOf(id).events().dtmf('0');

        List<JsonNode> events = awaitEvents(id, 4);
        assertThat(events.subList(1, 4)).extracting(event -> event.get("digits").asString())
                .as("one event per key, in the order keyed").containsExactly("7", "*", "0");
    }

    @Test
    void aByeFromThePhoneIsAnsweredClosesTheAudioAndTellsThePlatform() throws Exception {
        TestPhone.Call call = phone.invite(did(), TestPhone.usualOffer(40010, "sendrecv"));
        String id = answeredCall(call);

        call.inDialog(Request.BYE, null, null);

        call.awaitResponse(Request.BYE, Response.OK);
        List<JsonNode> events = awaitEvents(id, 2);
        assertThat(events).extracting(event -> event.get("type").asString())
                .containsExactly("call.offered", "call.hungup");
        await().atMost(PATIENCE).until(() -> audioOf(id).closed());
    }

    @Test
    void aReinviteHoldingTheCallIsAnsweredRecvonlyAndResumingMovesTheAudioBackIn() throws Exception {
        TestPhone.Call call = phone.invite(did(), TestPhone.usualOffer(40012, "sendrecv"));
        String id = answeredCall(call);

        call.inDialog(Request.INVITE, "application/sdp", TestPhone.usualOffer(40012, "sendonly"));
        Response held = awaitOkToReinvite(call, 1);
        call.ack(held);
        assertThat(new String(held.getRawContent())).contains("a=recvonly\r\n").contains("o=conference-edge ")
                .contains(" 2 IN IP4 ");
        await().atMost(PATIENCE).until(() -> audioOf(id).told().contains("held-by-phone:true"));

        call.inDialog(Request.INVITE, "application/sdp", TestPhone.usualOffer(40014, "sendrecv"));
        Response resumed = awaitOkToReinvite(call, 2);
        call.ack(resumed);
        assertThat(new String(resumed.getRawContent())).contains("a=sendrecv\r\n").contains(" 3 IN IP4 ");
        await().atMost(PATIENCE).until(() -> audioOf(id).told(),
                told -> told.equals(List.of("held-by-phone:true", "phone-at:127.0.0.1:40014", "held-by-phone:false")));
    }

    @Test
    void aReinviteInactiveIsAnsweredInactive() throws Exception {
        TestPhone.Call call = phone.invite(did(), TestPhone.usualOffer(40016, "sendrecv"));
        String id = answeredCall(call);

        call.inDialog(Request.INVITE, "application/sdp", TestPhone.usualOffer(40016, "inactive"));

        Response held = awaitOkToReinvite(call, 1);
        call.ack(held);
        assertThat(new String(held.getRawContent())).contains("a=inactive\r\n");
        assertThat(audioOf(id).told()).containsExactly("held-by-phone:true");
    }

    @Test
    void aCallOverTcpIsAnsweredLikeOneOverUdp() throws Exception {
        String did = did();
        TestPhone.Call call = phone.invite(did, TestPhone.usualOffer(40018, "sendrecv"), ListeningPoint.TCP);

        Response ok = call.awaitResponse(Request.INVITE, Response.OK);
        call.ack(ok);
        String id = offeredCallId(call);

        assertThat(new String(ok.getRawContent())).contains("m=audio " + audioOf(id).localPort() + " RTP/AVP 8 101");
        assertThat(ok.getHeader("Contact").toString()).contains("transport=tcp");
        assertThat(awaitEvents(id, 1).get(0).get("to").asString()).isEqualTo(did);
        call.inDialog(Request.BYE, null, null);
        call.awaitResponse(Request.BYE, Response.OK);
        assertThat(awaitEvents(id, 2).get(1).get("type").asString()).isEqualTo("call.hungup");
    }

    /** The 200 to the n-th re-INVITE (CSeq 1 is the first INVITE's; a retransmitted 200 counts once). */
    private static Response awaitOkToReinvite(TestPhone.Call call, int n) {
        return call.awaitResponse(Request.INVITE, Response.OK, n + 1);
    }
}
