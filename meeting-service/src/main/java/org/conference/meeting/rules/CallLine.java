package org.conference.meeting.rules;

/** The phone side of a call as the edge reported it in {@code call.offered} (the Call object's fields of that name). */
public record CallLine(String caller, String callee, String addressFrom, String addressTo, String codec,
        String nodeName, String bridgeName) {
}
