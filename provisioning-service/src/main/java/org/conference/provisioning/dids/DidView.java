package org.conference.provisioning.dids;

import java.util.List;

import org.conference.provisioning.support.Attributes;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The DID object of the reference: {@code description} is hidden when it was never set, and so is
 * {@code countryCode} for a number libphonenumber places in no country.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DidView(
        List<Attributes.AttributeView> attributes,
        String countryCode,
        String description,
        long didGroupId,
        long id,
        String phoneNumber,
        int state) {

    public static DidView of(DidDocument did) {
        return new DidView(Attributes.views(did.attributes()), did.countryCode(), did.description(), did.didGroupId(),
                did.id(), did.phoneNumber(), did.state());
    }
}
