package org.conference.provisioning.didgroups;

import java.util.List;

import org.conference.provisioning.support.AttributeRequest;
import org.conference.provisioning.support.Patch;
import org.conference.provisioning.support.validation.NotCleared;
import org.conference.provisioning.support.validation.Text;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The bodies of DID group requests; fields the resource does not accept (read-only ones) are ignored. */
public final class DidGroupRequests {

    static final int MAX_NAME = 128;
    static final int MAX_DESCRIPTION = 1024;

    private DidGroupRequests() {
    }

    /** {@code callFlowId} may come as a string of digits, as in the reference's sample. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NewDidGroup(
            @NotBlank(message = "is required") @Text(max = MAX_NAME) String name,
            @NotNull(message = "is required") Long callFlowId,
            @Text(max = MAX_DESCRIPTION, multiline = true) String description,
            @Size(max = AttributeRequest.MAX_ENTRIES, message = "must have at most {max} entries")
            List<@NotNull(message = "entries must be objects") @Valid AttributeRequest> attributes) {
    }

    /** A partial update: {@code description: null} empties the description. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DidGroupChanges(
            @NotCleared Patch<@Text(max = MAX_NAME) String> name,
            @NotCleared Patch<Long> callFlowId,
            Patch<@Text(max = MAX_DESCRIPTION, multiline = true) String> description,
            Patch<@Size(max = AttributeRequest.MAX_ENTRIES, message = "must have at most {max} entries")
                    List<@NotNull(message = "entries must be objects") @Valid AttributeRequest>> attributes) {
    }
}
