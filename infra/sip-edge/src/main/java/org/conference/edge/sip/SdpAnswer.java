package org.conference.edge.sip;

import java.nio.charset.StandardCharsets;

import org.conference.edge.media.Codec;

/**
 * The edge's SDP answer: its media address and the call's RTP port, the codec the offer chose, RFC 4733
 * {@code telephone-event} (the phone's payload type, or 101 when it offered none, for events 0-16: the digits,
 * {@code *}, {@code #}, A-D and flash), 20 ms packets, and a direction. {@code version} grows with every answer of one
 * session (RFC 4566 {@code o=}).
 */
record SdpAnswer(String mediaAddress, int port, Codec codec, int payloadType, int telephoneEventPayloadType,
        long sessionId, long version, Direction direction) {

    static final int DEFAULT_TELEPHONE_EVENT = 101;

    static SdpAnswer first(String mediaAddress, int port, SdpOffer offer, long sessionId) {
        int events = offer.telephoneEventPayloadType() >= 0 ? offer.telephoneEventPayloadType()
                : DEFAULT_TELEPHONE_EVENT;
        return new SdpAnswer(mediaAddress, port, offer.codec(), offer.payloadType(), events, sessionId, 1,
                offer.direction().answer());
    }

    /** The next answer of this session, to a re-INVITE offering {@code direction}. */
    SdpAnswer next(Direction offered) {
        return new SdpAnswer(mediaAddress, port, codec, payloadType, telephoneEventPayloadType, sessionId,
                version + 1, offered.answer());
    }

    byte[] toBytes() {
        String text = "v=0\r\n"
                + "o=conference-edge " + sessionId + " " + version + " IN IP4 " + mediaAddress + "\r\n"
                + "s=conference\r\n"
                + "c=IN IP4 " + mediaAddress + "\r\n"
                + "t=0 0\r\n"
                + "m=audio " + port + " RTP/AVP " + payloadType + " " + telephoneEventPayloadType + "\r\n"
                + "a=rtpmap:" + payloadType + " " + codec.name() + "/8000\r\n"
                + "a=rtpmap:" + telephoneEventPayloadType + " telephone-event/8000\r\n"
                + "a=fmtp:" + telephoneEventPayloadType + " 0-16\r\n"
                + "a=ptime:20\r\n"
                + "a=" + direction.attribute() + "\r\n";
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
