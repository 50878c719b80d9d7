package org.conference.testsupport.softphone;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a softphone's call ended, read from the reason of baresip's {@code CALL_CLOSED} event.
 *
 * @param cause     who ended it
 * @param sipStatus the final SIP status that refused the call, when it was refused with one
 * @param reason    baresip's reason as it stated it
 */
public record CallEnd(Cause cause, OptionalInt sipStatus, String reason) {

    public enum Cause {
        /** The far end hung up: a BYE arrived. */
        REMOTE_HANGUP,
        /** This softphone hung up ({@link Softphone#hangup()}). */
        LOCAL_HANGUP,
        /** The call never got up or broke: a SIP error answer, a timeout, a media failure. */
        FAILED
    }

    // libre closes a session whose peer sent BYE with ECONNRESET, which baresip prints with strerror;
    // a local hang-up is baresip's own wording (ua_hangup).
    private static final String BYE_RECEIVED = "Connection reset by peer";
    private static final String HUNG_UP_HERE = "Connection reset by user";
    // A final answer is printed as "<status> <reason phrase>" (call.c, sipsess_close_handler).
    private static final Pattern SIP_ANSWER = Pattern.compile("([3-6]\\d\\d) .*");

    static CallEnd fromReason(String reason) {
        if (BYE_RECEIVED.equals(reason)) {
            return new CallEnd(Cause.REMOTE_HANGUP, OptionalInt.empty(), reason);
        }
        if (HUNG_UP_HERE.equals(reason)) {
            return new CallEnd(Cause.LOCAL_HANGUP, OptionalInt.empty(), reason);
        }
        Matcher answer = SIP_ANSWER.matcher(reason);
        return new CallEnd(Cause.FAILED,
                answer.matches() ? OptionalInt.of(Integer.parseInt(answer.group(1))) : OptionalInt.empty(), reason);
    }
}
