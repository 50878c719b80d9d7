package org.conference.edge.media;

/** The G.711 laws the edge speaks, with their static RTP payload types (RFC 3551) and SDP names. */
public enum Codec {
    PCMU(0),
    PCMA(8);

    private final int staticPayloadType;

    Codec(int staticPayloadType) {
        this.staticPayloadType = staticPayloadType;
    }

    public int staticPayloadType() {
        return staticPayloadType;
    }
}
