package org.conference.provisioning.support;

import java.util.List;

import org.conference.common.attributes.AttributeInput;
import org.conference.provisioning.support.validation.AttributeValue;
import org.conference.provisioning.support.validation.Text;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import jakarta.validation.constraints.NotBlank;

/** {@code {"name", "value"}} of an {@code attributes} entry in a request. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AttributeRequest(
        @NotBlank(message = "is required") @Text(max = 64) String name,
        @AttributeValue Object value) {

    /** At most this many entries in one request's {@code attributes} (the catalog has fewer attributes). */
    public static final int MAX_ENTRIES = 200;

    public static List<AttributeInput> inputs(List<AttributeRequest> requests) {
        return requests == null ? List.of()
                : requests.stream().map(r -> new AttributeInput(r.name(), r.value())).toList();
    }
}
