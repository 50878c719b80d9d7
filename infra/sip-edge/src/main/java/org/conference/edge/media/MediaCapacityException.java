package org.conference.edge.media;

/** The edge takes no more calls (its configured capacity, or no free RTP port): the signalling answers 503. */
public class MediaCapacityException extends RuntimeException {

    public MediaCapacityException(String message) {
        super(message);
    }
}
