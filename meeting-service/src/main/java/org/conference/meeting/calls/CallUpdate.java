package org.conference.meeting.calls;

import org.conference.meeting.rules.CallChanges;
import org.conference.meeting.support.OneOf;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code PUT /calls/{id}}: the fields the reference's Call table marks {@code update}. Fields it marks
 * read only ({@code id}, {@code created}, {@code duration}, {@code joined}, {@code meetingNumber},
 * {@code bridgeName}, {@code qaMode}) are ignored, as is {@code state}: a call is ended with {@code DELETE}.
 * Every text is at most 255 characters without control characters.
 */
record CallUpdate(
        @Size(max = 255) @Pattern(regexp = NO_CONTROLS, message = CONTROLS_MESSAGE) String customName,
        @Min(-100) @Max(100) Integer gainLevel,
        @OneOf(value = {0, 32, 36, 40}, message = "must be 0 (not muted), 32, 36 or 40") Integer muteMode,
        @OneOf(value = {0, 40}, message = "must be 0 (not on hold) or 40 (on hold)") Integer holdMode,
        @Min(1) @Max(3) Integer role,
        @Min(0) @Max(15) Integer presenterMedia,
        @Min(0) @Max(1) Integer connectionStatus,
        @Size(max = 255) @Pattern(regexp = "[0-9*#]*", message = "must be DTMF digits (0-9, *, #)") String accessCode,
        @Size(max = 255) @Pattern(regexp = NO_CONTROLS, message = CONTROLS_MESSAGE) String caller,
        @Size(max = 255) @Pattern(regexp = NO_CONTROLS, message = CONTROLS_MESSAGE) String callee,
        @Size(max = 255) @Pattern(regexp = NO_CONTROLS, message = CONTROLS_MESSAGE) String addressFrom,
        @Size(max = 255) @Pattern(regexp = NO_CONTROLS, message = CONTROLS_MESSAGE) String addressTo,
        @Size(max = 32) @Pattern(regexp = NO_CONTROLS, message = CONTROLS_MESSAGE) String codec,
        @Size(max = 255) @Pattern(regexp = NO_CONTROLS, message = CONTROLS_MESSAGE) String nodeName) {

    static final String NO_CONTROLS = "[^\\p{Cntrl}]*";
    static final String CONTROLS_MESSAGE = "must not contain control characters";

    CallChanges changes() {
        return new CallChanges(customName, gainLevel, muteMode, holdMode, role, presenterMedia, connectionStatus,
                accessCode, caller, callee, addressFrom, addressTo, codec, nodeName);
    }
}
