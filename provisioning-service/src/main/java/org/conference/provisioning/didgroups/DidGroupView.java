package org.conference.provisioning.didgroups;

import java.util.List;

import org.conference.provisioning.support.Attributes;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The DID Group object of the reference; {@code dids} is embedded on reads and absent from create/update answers.
 * Unset fields are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DidGroupView(
        List<Attributes.AttributeView> attributes,
        int callFlowId,
        String description,
        List<?> dids,
        long id,
        String name,
        int state,
        String subscriberSid) {

    public static DidGroupView of(DidGroupDocument group, List<?> dids) {
        return new DidGroupView(Attributes.views(group.attributes()), group.callFlowId(), group.description(), dids,
                group.id(), group.name(), group.state(), group.subscriberSid());
    }
}
