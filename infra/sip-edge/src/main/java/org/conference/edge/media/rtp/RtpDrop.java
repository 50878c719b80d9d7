package org.conference.edge.media.rtp;

/** Why a datagram was not taken as audio: the {@code reason} tag of the dropped-packets counter. */
public enum RtpDrop {
    /** Not RTP version 2. */
    VERSION("version"),
    /** Shorter than its fixed header, CSRC list, extension or padding claim. */
    TRUNCATED("truncated"),
    /** A payload type the call did not negotiate (neither its G.711 law nor its telephone-event type). */
    PAYLOAD_TYPE("payload-type"),
    /** Audio that is not one 20 ms frame (160 samples): the mixer only takes 20 ms packetisation. */
    FRAME_SIZE("frame-size"),
    /** From another address than the one the call latched onto with its first good packet. */
    SOURCE("source");

    private final String tag;

    RtpDrop(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
