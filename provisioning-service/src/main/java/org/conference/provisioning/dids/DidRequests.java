package org.conference.provisioning.dids;

import java.util.List;

import org.conference.provisioning.support.AttributeRequest;
import org.conference.provisioning.support.Patch;
import org.conference.provisioning.support.validation.NotCleared;
import org.conference.provisioning.support.validation.PhoneNumber;
import org.conference.provisioning.support.validation.Text;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The bodies of DID requests. */
public final class DidRequests {

    static final int MAX_NUMBER = 32;
    static final int MAX_DESCRIPTION = 1024;

    private DidRequests() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NewDid(
            @NotBlank(message = "is required") @Text(max = MAX_NUMBER) @PhoneNumber String phoneNumber,
            @NotNull(message = "is required") Long didGroupId,
            @Text(max = MAX_DESCRIPTION, multiline = true) String description,
            @Size(max = AttributeRequest.MAX_ENTRIES, message = "must have at most {max} entries")
            List<@NotNull(message = "entries must be objects") @Valid AttributeRequest> attributes) {
    }

    /** A partial update: {@code description: null} hides the description again. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DidChanges(
            @NotCleared Patch<@Text(max = MAX_NUMBER) @PhoneNumber String> phoneNumber,
            @NotCleared Patch<Long> didGroupId,
            Patch<@Text(max = MAX_DESCRIPTION, multiline = true) String> description,
            Patch<@Size(max = AttributeRequest.MAX_ENTRIES, message = "must have at most {max} entries")
                    List<@NotNull(message = "entries must be objects") @Valid AttributeRequest>> attributes) {
    }
}
