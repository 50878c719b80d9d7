package org.conference.edge.calls;

/** The signalling side of one call, as far as the rest of the edge needs it: ending it towards the phone. */
public interface PhoneLine {

    /**
     * Ends the call towards the phone: a {@code BYE} once it is answered, a final error response while it still
     * rings. Returns at once; the request leaves in the background.
     */
    void hangUp();
}
