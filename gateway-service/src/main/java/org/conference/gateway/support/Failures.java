package org.conference.gateway.support;

import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/** Classifies what went wrong between the gateway and a service, for fail-over and for the status the client sees. */
public final class Failures {

    /**
     * True when no connection to the instance could be made (refused, unreachable, connect timeout): the request
     * never reached it, so trying another instance is safe and this one should be skipped for a while.
     */
    public static boolean isConnectFailure(Throwable failure) {
        return causedBy(failure, ConnectException.class);
    }

    /** True for a connection broken or never made: the service is (at least for now) unavailable. */
    public static boolean isUnavailable(Throwable failure) {
        return causedBy(failure, IOException.class);
    }

    public static boolean isTimeout(Throwable failure) {
        return causedBy(failure, TimeoutException.class);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }

    private Failures() {
    }
}
