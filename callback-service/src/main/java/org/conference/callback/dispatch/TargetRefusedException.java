package org.conference.callback.dispatch;

/** The SSRF guard will not let a delivery go to this target; the message says why, for the operations API. */
class TargetRefusedException extends RuntimeException {

    TargetRefusedException(String reason) {
        super(reason, null, false, false);
    }
}
