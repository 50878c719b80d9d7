package org.conference.provisioning.support;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A {@code didGroupReferences} entry of a subscriber or room request; {@code state} defaults to 0 (active). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DidGroupReferenceRequest(
        @NotNull(message = "is required") Long didGroupId,
        @Min(value = 0, message = STATES) @Max(value = 2, message = STATES) Integer state) {

    private static final String STATES = "must be 0 (active), 1 (invalidated) or 2 (disabled)";
    /** At most this many references in one request. */
    public static final int MAX_ENTRIES = 100;
}
