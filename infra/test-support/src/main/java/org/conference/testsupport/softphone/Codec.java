package org.conference.testsupport.softphone;

/** The G.711 variant a softphone offers, alone, so the far end must answer with it or refuse the call. */
public enum Codec {
    PCMU,
    PCMA
}
