package org.conference.edge.media;

import java.net.InetSocketAddress;

/**
 * What the SDP negotiation settled for a call.
 *
 * @param phone where the phone receives RTP
 * @param codec the G.711 law both sides use
 * @param payloadType the RTP payload type of {@code codec} (0 or 8 as a rule)
 * @param telephoneEventPayloadType the RTP payload type of RFC 4733 events, or -1 when the phone offered none
 */
public record AudioOffer(InetSocketAddress phone, Codec codec, int payloadType, int telephoneEventPayloadType) {
}
