package org.conference.meeting.rules;

/**
 * The updatable fields of a Call that a {@code PUT /calls/{id}} sent; {@code null} means "not sent, keep".
 * Values were validated by the API.
 */
public record CallChanges(String customName, Integer gainLevel, Integer muteMode, Integer holdMode, Integer role,
        Integer presenterMedia, Integer connectionStatus, String accessCode, String caller, String callee,
        String addressFrom, String addressTo, String codec, String nodeName) {

    Participant applyTo(Participant call) {
        CallLine line = call.line();
        CallLine nextLine = new CallLine(or(caller, line.caller()), or(callee, line.callee()),
                or(addressFrom, line.addressFrom()), or(addressTo, line.addressTo()), or(codec, line.codec()),
                or(nodeName, line.nodeName()), line.bridgeName());
        Participant next = call.withDetails(or(customName, call.customName()), or(gainLevel, call.gainLevel()),
                or(presenterMedia, call.presenterMedia()), or(connectionStatus, call.connectionStatus()),
                or(accessCode, call.accessCode()), nextLine);
        next = next.withMuteMode(or(muteMode, call.muteMode())).withHoldMode(or(holdMode, call.holdMode()));
        return role == null ? next : next.withRole(role);
    }

    private static <T> T or(T sent, T kept) {
        return sent == null ? kept : sent;
    }
}
