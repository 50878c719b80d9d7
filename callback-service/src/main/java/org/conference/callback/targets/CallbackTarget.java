package org.conference.callback.targets;

import java.util.List;

/**
 * Where one event goes for one subscriber: its callback URL and signing secret. {@code endpointId} names the pair
 * (subscriber, URL), so deliveries, ordering and the 410 switch are per endpoint; {@code lineage} runs from the root
 * down to the subscriber and decides who may see its deliveries.
 */
public record CallbackTarget(String endpointId, String url, String secret, String subscriberSid,
                             List<String> lineage) {
}
