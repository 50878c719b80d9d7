package org.conference.callback.deliveries;

import java.util.List;

/**
 * A subscriber's callback URL as a destination. A 410 answer disables it: its deliveries wait, untouched, until the
 * owner or an administrator enables it again through the operations API.
 */
public record Endpoint(
        String id,
        String url,
        String subscriberSid,
        List<String> ownerLineage,
        boolean disabled,
        String disabledReason,
        Long disabledAt,
        long created) {

    public static final String COLLECTION = "endpoints";
}
