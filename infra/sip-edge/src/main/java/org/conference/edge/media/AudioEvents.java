package org.conference.edge.media;

/**
 * What a call's audio reports to the signalling side. Called on media threads: implementations hand off and return at
 * once (never block, never publish synchronously).
 */
public interface AudioEvents {

    /** One key press, reported once when its RFC 4733 event ends (retransmitted end packets are not repeated). */
    void dtmf(char digit);

    /** No RTP from the phone for the configured timeout (30 s by default): the phone is gone without a BYE. */
    void rtpTimedOut();
}
