package org.conference.simulator.calls;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.conference.common.api.FieldError;

/**
 * {@code POST /simulator/v1/calls}: a phone call from {@code from} to the DID {@code to}. The other fields are the
 * Call object's phone-side fields; left out, they get the simulator's defaults.
 */
public record PlaceCallRequest(String from, String to, String addressFrom, String addressTo, String codec,
        String nodeName, String bridgeName) {

    private static final Pattern PHONE_NUMBER = Pattern.compile("\\+?[0-9]{3,20}");
    private static final Pattern CODEC = Pattern.compile("[A-Za-z0-9._/-]{1,32}");
    private static final Pattern TEXT = Pattern.compile("[^\\p{Cntrl}]{1,256}");

    List<FieldError> problems() {
        List<FieldError> problems = new ArrayList<>();
        require("from", from, PHONE_NUMBER, "a phone number: 3 to 20 digits, optionally after a +", problems);
        require("to", to, PHONE_NUMBER, "a phone number: 3 to 20 digits, optionally after a +", problems);
        optional("codec", codec, CODEC, "1 to 32 letters, digits or . _ / -", problems);
        optional("addressFrom", addressFrom, TEXT, "1 to 256 printable characters", problems);
        optional("addressTo", addressTo, TEXT, "1 to 256 printable characters", problems);
        optional("nodeName", nodeName, TEXT, "1 to 256 printable characters", problems);
        optional("bridgeName", bridgeName, TEXT, "1 to 256 printable characters", problems);
        return problems;
    }

    private static void require(String field, String value, Pattern pattern, String expected,
            List<FieldError> problems) {
        if (value == null) {
            problems.add(FieldError.of(field, "field is required"));
        } else {
            optional(field, value, pattern, expected, problems);
        }
    }

    private static void optional(String field, String value, Pattern pattern, String expected,
            List<FieldError> problems) {
        if (value != null && !pattern.matcher(value).matches()) {
            problems.add(FieldError.of(field, "must be " + expected));
        }
    }
}
