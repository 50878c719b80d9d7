package org.conference.common.events;

import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An instruction to the edge about one call, on {@link Topics#TELEPHONY_COMMANDS} keyed by the edge call id.
 * {@code argument} carries the meeting number of {@code join}/{@code leave}, the prompt of {@code play} (e.g.
 * {@code entry-tone}, {@code count:7}) or the recording name of {@code record.start}/{@code record.stop}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TelephonyCommand(String id, String type, String callId, long issuedAt, String argument) {

    public static final String JOIN = "join";
    public static final String LEAVE = "leave";
    public static final String HANGUP = "hangup";
    public static final String MUTE = "mute";
    public static final String UNMUTE = "unmute";
    public static final String HOLD = "hold";
    public static final String UNHOLD = "unhold";
    public static final String PLAY = "play";
    public static final String RECORD_START = "record.start";
    public static final String RECORD_STOP = "record.stop";

    private static final Set<String> TYPES = Set.of(JOIN, LEAVE, HANGUP, MUTE, UNMUTE, HOLD, UNHOLD, PLAY,
            RECORD_START, RECORD_STOP);
    private static final Pattern MEETING_NUMBER = Pattern.compile("[0-9]{1,18}");
    /** Also a path segment of the recording's URL at the edge, so never a relative path. */
    private static final Pattern RECORDING_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");

    /**
     * The edge call this command is for ({@code callId}, else the record's key), once the command is one every edge
     * can apply: a known type with the argument it needs. Each edge checks with this before it looks the call up.
     *
     * @throws InvalidTelephonyCommandException for a command no edge can apply, which no retry will mend
     */
    public static String targetCallId(String recordKey, TelephonyCommand command) {
        if (command == null) {
            throw new InvalidTelephonyCommandException("a command record without a value (key " + recordKey + ")");
        }
        if (command.type() == null || !TYPES.contains(command.type())) {
            throw new InvalidTelephonyCommandException("unknown command type " + command.type());
        }
        String callId = command.callId() != null ? command.callId() : recordKey;
        if (callId == null || callId.isBlank()) {
            throw new InvalidTelephonyCommandException(
                    command.type() + " names no call (neither callId nor record key)");
        }
        if (!command.hasUsableArgument()) {
            throw new InvalidTelephonyCommandException(
                    command.type() + " has an unusable argument: " + command.argument());
        }
        return callId;
    }

    private boolean hasUsableArgument() {
        return switch (type) {
            case JOIN -> argument != null && MEETING_NUMBER.matcher(argument).matches();
            case PLAY -> argument != null && !argument.isBlank();
            case RECORD_START, RECORD_STOP -> argument != null && RECORDING_NAME.matcher(argument).matches();
            default -> true;
        };
    }
}
