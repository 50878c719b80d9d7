package org.conference.callback.targets;

import java.util.List;

/** The read model's entry of one subscriber: what its events need, nothing else. */
record SubscriberCallback(String id, List<String> lineage, String url, String secret, long version) {

    static final String COLLECTION = "subscriber_callbacks";

    boolean hasCallback() {
        return url != null && !url.isBlank() && secret != null && !secret.isBlank();
    }
}
