package org.conference.simulator.calls;

import java.util.regex.Pattern;

/** {@code POST /simulator/v1/calls/{id}/dtmf}: keys the caller presses, sent as one {@code call.dtmf} event. */
public record DtmfRequest(String digits) {

    static final int MAX_DIGITS = 64;
    private static final Pattern DIGITS = Pattern.compile("[0-9*#]{1," + MAX_DIGITS + "}");

    boolean isValid() {
        return digits != null && DIGITS.matcher(digits).matches();
    }
}
