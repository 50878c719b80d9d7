package org.conference.edge.sip;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sdp.Attribute;
import javax.sdp.Connection;
import javax.sdp.MediaDescription;
import javax.sdp.SdpException;
import javax.sdp.SdpFactory;
import javax.sdp.SessionDescription;

import org.conference.edge.media.AudioOffer;
import org.conference.edge.media.Codec;

/**
 * What a phone's SDP offer says about its audio, read with JAIN-SIP's {@code javax.sdp}: where it receives RTP (the
 * first audio stream's {@code c=}/{@code m=}), the first of PCMU/PCMA in its order of preference with its payload
 * type, its {@code telephone-event} payload type (-1 without), and the stream's direction. An address of
 * {@code 0.0.0.0} is the old way (RFC 2543) of holding a call and counts as {@code inactive}.
 */
record SdpOffer(InetSocketAddress phone, Codec codec, int payloadType, int telephoneEventPayloadType,
        Direction direction) {

    private static final String TELEPHONE_EVENT = "telephone-event";

    AudioOffer audioOffer() {
        return new AudioOffer(phone, codec, payloadType, telephoneEventPayloadType);
    }

    static SdpOffer parse(byte[] body) throws UnusableOfferException {
        if (body == null || body.length == 0) {
            throw new UnusableOfferException("no SDP offer");
        }
        try {
            SessionDescription session = SdpFactory.getInstance()
                    .createSessionDescription(new String(body, StandardCharsets.UTF_8));
            for (MediaDescription stream : list(session.getMediaDescriptions(false), MediaDescription.class)) {
                if ("audio".equalsIgnoreCase(stream.getMedia().getMediaType()) && stream.getMedia().getMediaPort() > 0
                        && stream.getMedia().getProtocol().toUpperCase().startsWith("RTP/AVP")) {
                    return of(session, stream);
                }
            }
        } catch (SdpException | RuntimeException e) {
            throw new UnusableOfferException("unreadable SDP offer: " + e.getMessage());
        }
        throw new UnusableOfferException("no RTP audio stream offered");
    }

    private static SdpOffer of(SessionDescription session, MediaDescription stream)
            throws SdpException, UnusableOfferException {
        Map<Integer, String> names = new HashMap<>();
        Direction direction = null;
        for (Attribute attribute : list(stream.getAttributes(false), Attribute.class)) {
            if ("rtpmap".equalsIgnoreCase(attribute.getName()) && attribute.getValue() != null) {
                String[] map = attribute.getValue().trim().split("\\s+", 2);
                if (map.length == 2 && map[0].matches("[0-9]{1,3}")) {
                    names.put(Integer.valueOf(map[0]), map[1].trim().toLowerCase());
                }
            }
            direction = direction != null ? direction : Direction.ofAttribute(attribute.getName());
        }
        if (direction == null) {
            for (Attribute attribute : list(session.getAttributes(false), Attribute.class)) {
                direction = direction != null ? direction : Direction.ofAttribute(attribute.getName());
            }
        }
        Codec codec = null;
        int payloadType = -1;
        int telephoneEvent = -1;
        for (String format : list(stream.getMedia().getMediaFormats(false), String.class)) {
            if (!format.trim().matches("[0-9]{1,3}")) {
                continue;
            }
            int type = Integer.parseInt(format.trim());
            String name = names.getOrDefault(type, staticName(type));
            Codec law = lawOf(name);
            if (codec == null && law != null) {
                codec = law;
                payloadType = type;
            } else if (telephoneEvent < 0 && name.startsWith(TELEPHONE_EVENT + "/8000")) {
                telephoneEvent = type;
            }
        }
        if (codec == null) {
            throw new UnusableOfferException("neither PCMU nor PCMA offered");
        }
        InetAddress address = addressOf(stream.getConnection() != null ? stream.getConnection()
                : session.getConnection());
        Direction offered = address.isAnyLocalAddress() ? Direction.INACTIVE
                : direction != null ? direction : Direction.SENDRECV;
        return new SdpOffer(new InetSocketAddress(address, stream.getMedia().getMediaPort()), codec, payloadType,
                telephoneEvent, offered);
    }

    private static InetAddress addressOf(Connection connection) throws SdpException, UnusableOfferException {
        if (connection == null || connection.getAddress() == null) {
            throw new UnusableOfferException("no connection address (c=) for the audio stream");
        }
        try {
            // A phone writes an address literal here as a rule; a name is resolved on this (SIP) thread.
            return InetAddress.getByName(connection.getAddress().trim());
        } catch (UnknownHostException e) {
            throw new UnusableOfferException("unknown connection address " + connection.getAddress());
        }
    }

    private static Codec lawOf(String encoding) {
        for (Codec codec : Codec.values()) {
            if (encoding.equals(codec.name().toLowerCase() + "/8000")
                    || encoding.startsWith(codec.name().toLowerCase() + "/8000/")) {
                return codec;
            }
        }
        return null;
    }

    private static String staticName(int payloadType) {
        for (Codec codec : Codec.values()) {
            if (codec.staticPayloadType() == payloadType) {
                return codec.name().toLowerCase() + "/8000";
            }
        }
        return "";
    }

    /** javax.sdp answers raw vectors. */
    private static <T> List<T> list(List<?> raw, Class<T> type) {
        return raw == null ? List.of() : raw.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
