package org.conference.edge.sip;

/** An SDP offer the edge cannot answer (none, unreadable, or no G.711 audio stream): the INVITE gets 488. */
class UnusableOfferException extends Exception {

    UnusableOfferException(String message) {
        super(message);
    }
}
