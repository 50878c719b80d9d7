package org.conference.edge.calls;

/** Why a call ended, for the log and the metrics (the platform hears only {@code call.hungup}, or nothing). */
public enum EndReason {
    /** The phone sent {@code BYE} or {@code CANCEL}. */
    PHONE_HUNG_UP,
    /** No RTP from the phone for the media's timeout: it is gone without a {@code BYE}. */
    RTP_TIMEOUT,
    /** The platform sent {@code hangup}. */
    PLATFORM_HUNG_UP,
    /** The edge could not offer the call to the platform, or the SIP dialog ended under it. */
    EDGE_FAILURE;

    public String tag() {
        return name().toLowerCase().replace('_', '-');
    }
}
