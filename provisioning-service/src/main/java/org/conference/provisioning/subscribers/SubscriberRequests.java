package org.conference.provisioning.subscribers;

import java.util.List;

import org.conference.provisioning.support.DidGroupReferenceRequest;
import org.conference.provisioning.support.Patch;
import org.conference.provisioning.support.validation.CallbackUrl;
import org.conference.provisioning.support.validation.NotCleared;
import org.conference.provisioning.support.validation.Password;
import org.conference.provisioning.support.validation.PhoneNumber;
import org.conference.provisioning.support.validation.Text;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The bodies of subscriber requests. The callback URL is set with {@code eventCallbackUrl} (write-only) or
 * {@code callback.url}; an empty or {@code null} URL removes the callback.
 */
public final class SubscriberRequests {

    static final String LOGIN = "[A-Za-z0-9._@+-]{3,64}";
    static final String LOGINS = "must be 3 to 64 letters, digits or . _ @ + -";
    static final String ROLES = "must be 1 (administrator), 2 (operator) or 3 (regular user)";
    static final String EMAIL = "|[^@\\s]+@[^@\\s]+";
    static final String EMAILS = "must be an address like name@example.com";
    static final int MAX_NAME = 128;
    static final int MAX_EMAIL = 254;
    static final int MAX_PHONE = 32;
    static final int MAX_EXT = 32;
    static final int MAX_DETAILS = 4096;

    private SubscriberRequests() {
    }

    /** {@code {"url"}} of a callback in a request; its id and secret are the service's. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CallbackRequest(@CallbackUrl String url) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NewSubscriber(
            @NotNull(message = "is required") @Pattern(regexp = LOGIN, message = LOGINS) String login,
            @NotNull(message = "is required") @Password String password,
            @Min(value = 1, message = ROLES) @Max(value = 3, message = ROLES) Integer role,
            @Text(max = MAX_NAME) String firstName,
            @Text(max = MAX_NAME) String lastName,
            @Text(max = MAX_EMAIL) @Pattern(regexp = EMAIL, message = EMAILS) String email,
            @Text(max = MAX_PHONE) @PhoneNumber(contact = true) String phoneNumber,
            @Text(max = MAX_DETAILS, multiline = true) String details,
            @Text(max = MAX_EXT) String ext,
            @CallbackUrl String eventCallbackUrl,
            @Valid CallbackRequest callback,
            @Size(max = DidGroupReferenceRequest.MAX_ENTRIES, message = "must have at most {max} entries")
            List<@NotNull(message = "entries must be objects") @Valid DidGroupReferenceRequest> didGroupReferences) {
    }

    /** A partial update: optional profile fields sent as {@code null} are cleared. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SubscriberChanges(
            @NotCleared Patch<@Pattern(regexp = LOGIN, message = LOGINS) String> login,
            @NotCleared Patch<@Password String> password,
            @NotCleared Patch<@Min(value = 1, message = ROLES) @Max(value = 3, message = ROLES) Integer> role,
            Patch<@Text(max = MAX_NAME) String> firstName,
            Patch<@Text(max = MAX_NAME) String> lastName,
            Patch<@Text(max = MAX_EMAIL) @Pattern(regexp = EMAIL, message = EMAILS) String> email,
            Patch<@Text(max = MAX_PHONE) @PhoneNumber(contact = true) String> phoneNumber,
            Patch<@Text(max = MAX_DETAILS, multiline = true) String> details,
            Patch<@Text(max = MAX_EXT) String> ext,
            Patch<@CallbackUrl String> eventCallbackUrl,
            Patch<@Valid CallbackRequest> callback,
            Patch<@Size(max = DidGroupReferenceRequest.MAX_ENTRIES, message = "must have at most {max} entries")
                    List<@NotNull(message = "entries must be objects") @Valid DidGroupReferenceRequest>>
                    didGroupReferences) {
    }
}
