package org.conference.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sip.header.AllowHeader;
import javax.sip.header.RetryAfterHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.micrometer.core.instrument.MeterRegistry;
/** What the edge refuses, and how: the right SIP error, nothing changed, never a crash. */
class RefusalsTest extends SipEdgeIntegrationTest {

    @Autowired
    private MeterRegistry meters;

    @Test
    void aCancelBeforeTheAnswerIsAnswered200TheInvite487AndLeavesNoCall() throws Exception {
        String did = did();
        TestPhone.Call call = phone.invite(did, TestPhone.usualOffer(41000, "sendrecv"));
        call.awaitResponse(Request.INVITE, Response.RINGING);
        String id = offeredTo(did).get("callId").asString();

        call.cancel();

        call.awaitResponse(Request.CANCEL, Response.OK);
        call.awaitResponse(Request.INVITE, Response.REQUEST_TERMINATED);
        assertThat(awaitEvents(id, 2)).extracting(event -> event.get("type").asString())
                .containsExactly("call.offered", "call.hungup");
        await().atMost(PATIENCE).until(() -> audioOf(id).closed());
        await().during(Duration.ofSeconds(2)).atMost(PATIENCE)
                .until(() -> call.responsesTo(Request.INVITE).stream().noneMatch(r -> r.getStatusCode() == 200));
    }

    @Test
    void optionsAreAnswered200WithWhatTheEdgeAllowsAndAccepts() throws Exception {
        TestPhone.Call options = phone.outOfDialog(Request.OPTIONS, null);

        Response ok = options.awaitResponse(Request.OPTIONS, Response.OK);
        assertThat(allowed(ok)).containsExactlyInAnyOrder("INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "INFO");
        assertThat(headerLines(ok, "Accept")).anySatisfy(accept -> assertThat(accept).contains("application/sdp"))
                .anySatisfy(accept -> assertThat(accept).contains("application/dtmf-relay"));
    }

    @Test
    void aMethodTheEdgeDoesNotServeIs405WithAllow() throws Exception {
        TestPhone.Call message = phone.outOfDialog(Request.MESSAGE, null);

        Response refused = message.awaitResponse(Request.MESSAGE, Response.METHOD_NOT_ALLOWED);
        assertThat(allowed(refused)).contains("INVITE", "BYE", "OPTIONS");
    }

    @Test
    void anInviteWithoutSdpOrWithoutG711Is488AndOpensNoAudio() throws Exception {
        int before = media.calls().size();

        TestPhone.Call noSdp = phone.invite(did(), null);
        TestPhone.Call g729 = phone.invite(did(), TestPhone.offer(41002, "18", "rtpmap:18 G729/8000"));
        TestPhone.Call video = phone.invite(did(), "v=0\r\no=p 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\n"
                + "t=0 0\r\nm=video 41004 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\n");

        for (TestPhone.Call call : List.of(noSdp, g729, video)) {
            Response refused = call.awaitResponse(Request.INVITE, Response.NOT_ACCEPTABLE_HERE);
            assertThat(refused.getHeader("Warning").toString()).contains("305");
        }
        assertThat(media.calls()).hasSize(before);
    }

    @Test
    void atCapacityANewCallIsShed503WithRetryAfterBeforeAnyAudio() throws Exception {
        double shedBefore = meters.get("edge.calls.shed").counter().count();
        media.full(true);
        try {
            TestPhone.Call call = phone.invite(did(), TestPhone.usualOffer(41006, "sendrecv"));

            Response refused = call.awaitResponse(Request.INVITE, Response.SERVICE_UNAVAILABLE);
            assertThat(((RetryAfterHeader) refused.getHeader(RetryAfterHeader.NAME)).getRetryAfter()).isEqualTo(30);
            assertThat(meters.get("edge.calls.shed").counter().count()).isEqualTo(shedBefore + 1);
        } finally {
            media.full(false);
        }
        TestPhone.Call next = phone.invite(did(), TestPhone.usualOffer(41008, "sendrecv"));
        next.answered();
    }

    @Test
    void requestsInADialogTheEdgeDoesNotHoldAre481() throws Exception {
        TestPhone.Call info = phone.outOfDialog(Request.INFO, "made-up-tag");
        TestPhone.Call bye = phone.outOfDialog(Request.BYE, "made-up-tag");
        TestPhone.Call reinvite = phone.outOfDialog(Request.INVITE, "made-up-tag");

        info.awaitResponse(Request.INFO, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
        bye.awaitResponse(Request.BYE, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
        reinvite.awaitResponse(Request.INVITE, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
    }

    @Test
    void garbageOnTheSipPortIsCountedAndDroppedAndTheEdgeAnswersTheNextRequest() throws Exception {
        double before = meters.get("edge.sip.malformed").counter().count();

        phone.sendRaw("\u0000\u0001 this is not SIP at all \r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        phone.sendRaw(("INVITE sip:1@127.0.0.1 SIP/2.0\r\nVia: nonsense\r\nCSeq: x\r\nContent-Length: 0\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));

        await().atMost(PATIENCE).until(() -> meters.get("edge.sip.malformed").counter().count() >= before + 2);
        TestPhone.Call options = phone.outOfDialog(Request.OPTIONS, null);
        options.awaitResponse(Request.OPTIONS, Response.OK);
    }

    private static List<String> allowed(Response response) {
        List<String> methods = new ArrayList<>();
        response.getHeaders(AllowHeader.NAME).forEachRemaining(header -> methods.add(((AllowHeader) header).getMethod()));
        return methods;
    }

    private static List<String> headerLines(Response response, String name) {
        List<String> lines = new ArrayList<>();
        response.getHeaders(name).forEachRemaining(header -> lines.add(header.toString()));
        return lines;
    }
}
