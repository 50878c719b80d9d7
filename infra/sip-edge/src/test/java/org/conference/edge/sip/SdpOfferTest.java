package org.conference.edge.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.conference.edge.media.Codec;
import org.junit.jupiter.api.Test;

/** Reading phones' SDP offers, and the answer the edge writes back. */
class SdpOfferTest {

    private static final String HEAD = "v=0\r\no=p 1 1 IN IP4 192.0.2.7\r\ns=-\r\nc=IN IP4 192.0.2.7\r\nt=0 0\r\n";

    private static SdpOffer parse(String sdp) throws UnusableOfferException {
        return SdpOffer.parse(sdp.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void takesThePhonesFirstG711AndItsTelephoneEventPayloadType() throws Exception {
        SdpOffer offer = parse(HEAD + "m=audio 4000 RTP/AVP 9 0 8 96\r\na=rtpmap:9 G722/8000\r\n"
                + "a=rtpmap:96 telephone-event/8000\r\na=fmtp:96 0-15\r\n");

        assertThat(offer.codec()).isEqualTo(Codec.PCMU);
        assertThat(offer.payloadType()).isZero();
        assertThat(offer.telephoneEventPayloadType()).isEqualTo(96);
        assertThat(offer.phone().getAddress().getHostAddress()).isEqualTo("192.0.2.7");
        assertThat(offer.phone().getPort()).isEqualTo(4000);
        assertThat(offer.direction()).isEqualTo(Direction.SENDRECV);
    }

    @Test
    void readsADynamicPayloadTypeNamedPcmaAndAMediaLevelAddressOverTheSessionOne() throws Exception {
        SdpOffer offer = parse(HEAD + "m=audio 4002 RTP/AVP 18 110\r\nc=IN IP4 198.51.100.9\r\n"
                + "a=rtpmap:18 G729/8000\r\na=rtpmap:110 PCMA/8000\r\na=sendonly\r\n");

        assertThat(offer.codec()).isEqualTo(Codec.PCMA);
        assertThat(offer.payloadType()).isEqualTo(110);
        assertThat(offer.telephoneEventPayloadType()).isEqualTo(-1);
        assertThat(offer.phone().getAddress().getHostAddress()).isEqualTo("198.51.100.9");
        assertThat(offer.direction()).isEqualTo(Direction.SENDONLY);
    }

    @Test
    void aSessionLevelDirectionAndTheOldZeroAddressHoldAreUnderstood() throws Exception {
        assertThat(parse(HEAD + "a=inactive\r\nm=audio 4004 RTP/AVP 0\r\n").direction())
                .isEqualTo(Direction.INACTIVE);
        assertThat(parse(HEAD.replace("c=IN IP4 192.0.2.7", "c=IN IP4 0.0.0.0") + "m=audio 4004 RTP/AVP 0\r\n")
                .direction()).isEqualTo(Direction.INACTIVE);
    }

    @Test
    void refusesOffersWithoutG711OrWithoutAudioOrUnreadable() {
        assertThatThrownBy(() -> parse(HEAD + "m=audio 4006 RTP/AVP 18\r\na=rtpmap:18 G729/8000\r\n"))
                .isInstanceOf(UnusableOfferException.class).hasMessageContaining("neither PCMU nor PCMA");
        assertThatThrownBy(() -> parse(HEAD + "m=audio 0 RTP/AVP 0\r\n"))
                .isInstanceOf(UnusableOfferException.class).hasMessageContaining("no RTP audio stream");
        assertThatThrownBy(() -> parse("this is not SDP"))
                .isInstanceOf(UnusableOfferException.class);
        assertThatThrownBy(() -> SdpOffer.parse(new byte[0]))
                .isInstanceOf(UnusableOfferException.class).hasMessage("no SDP offer");
    }

    @Test
    void theAnswerMirrorsTheOffersDirectionAndGrowsItsVersion() throws Exception {
        SdpOffer offer = parse(HEAD + "m=audio 4008 RTP/AVP 8 101\r\na=rtpmap:101 telephone-event/8000\r\n"
                + "a=sendonly\r\n");
        SdpAnswer first = SdpAnswer.first("203.0.113.5", 30000, offer, 42);
        String text = new String(first.toBytes(), StandardCharsets.US_ASCII);

        assertThat(text).contains("o=conference-edge 42 1 IN IP4 203.0.113.5\r\n", "c=IN IP4 203.0.113.5\r\n",
                "m=audio 30000 RTP/AVP 8 101\r\n", "a=rtpmap:8 PCMA/8000\r\n", "a=recvonly\r\n");
        String resumed = new String(first.next(Direction.SENDRECV).toBytes(), StandardCharsets.US_ASCII);
        assertThat(resumed).contains("o=conference-edge 42 2 IN IP4", "a=sendrecv\r\n");
        // and what the edge writes, javax.sdp reads back as the offer it answers
        SdpOffer reread = SdpOffer.parse(first.next(Direction.SENDRECV).toBytes());
        assertThat(reread.codec()).isEqualTo(Codec.PCMA);
        assertThat(reread.phone().getPort()).isEqualTo(30000);
        assertThat(reread.telephoneEventPayloadType()).isEqualTo(101);
    }
}
