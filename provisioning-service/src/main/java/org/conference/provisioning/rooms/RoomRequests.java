package org.conference.provisioning.rooms;

import java.util.List;

import org.conference.provisioning.support.AttributeRequest;
import org.conference.provisioning.support.DidGroupReferenceRequest;
import org.conference.provisioning.support.Patch;
import org.conference.provisioning.support.validation.NotCleared;
import org.conference.provisioning.support.validation.Text;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The bodies of meeting room and meeting key requests. */
public final class RoomRequests {

    static final long MAX_MEETING_NUMBER = 999_999_999L;
    static final String MEETING_NUMBERS = "must be 1 to 999999999";
    static final int MAX_DESCRIPTION = 1024;
    static final int MAX_KEYS = 100;
    static final String ROLES = "must be 1 (host), 2 (participant) or 3 (listener)";
    static final String ACCESS_CODES = "must be 1 to 16 digits";

    private RoomRequests() {
    }

    /** A meeting key asked for: {@code accessCode} is generated when left out; {@code id} keeps an existing key. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MeetingKeyRequest(
            Long id,
            @Pattern(regexp = "[0-9]{1,16}", message = ACCESS_CODES) String accessCode,
            @NotNull(message = "is required") @Min(value = 1, message = ROLES) @Max(value = 3, message = ROLES)
            Integer role) {
    }

    /** A partial update of one meeting key. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MeetingKeyChanges(
            @NotCleared Patch<@Pattern(regexp = "[0-9]{1,16}", message = ACCESS_CODES) String> accessCode,
            @NotCleared Patch<@Min(value = 1, message = ROLES) @Max(value = 3, message = ROLES) Integer> role) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NewRoom(
            @NotNull(message = "is required") Long primaryDidGroupId,
            @Min(value = 1, message = MEETING_NUMBERS) @Max(value = MAX_MEETING_NUMBER, message = MEETING_NUMBERS)
            Long meetingNumber,
            @Text(max = MAX_DESCRIPTION, multiline = true) String description,
            @Size(max = DidGroupReferenceRequest.MAX_ENTRIES, message = "must have at most {max} entries")
            List<@NotNull(message = "entries must be objects") @Valid DidGroupReferenceRequest> didGroupReferences,
            @Size(max = MAX_KEYS, message = "must have at most {max} keys")
            List<@NotNull(message = "entries must be objects") @Valid MeetingKeyRequest> keychain,
            @Size(max = AttributeRequest.MAX_ENTRIES, message = "must have at most {max} entries")
            List<@NotNull(message = "entries must be objects") @Valid AttributeRequest> attributes) {
    }

    /**
     * A partial update: {@code description: null} empties it; {@code keychain} and {@code didGroupReferences} replace
     * the whole list ({@code null} empties it, the primary DID group's reference always stays).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RoomChanges(
            @NotCleared Patch<Long> primaryDidGroupId,
            @NotCleared Patch<@Min(value = 1, message = MEETING_NUMBERS)
                    @Max(value = MAX_MEETING_NUMBER, message = MEETING_NUMBERS) Long> meetingNumber,
            Patch<@Text(max = MAX_DESCRIPTION, multiline = true) String> description,
            Patch<@Size(max = DidGroupReferenceRequest.MAX_ENTRIES, message = "must have at most {max} entries")
                    List<@NotNull(message = "entries must be objects") @Valid DidGroupReferenceRequest>>
                    didGroupReferences,
            Patch<@Size(max = MAX_KEYS, message = "must have at most {max} keys")
                    List<@NotNull(message = "entries must be objects") @Valid MeetingKeyRequest>> keychain,
            Patch<@Size(max = AttributeRequest.MAX_ENTRIES, message = "must have at most {max} entries")
                    List<@NotNull(message = "entries must be objects") @Valid AttributeRequest>> attributes) {
    }
}
