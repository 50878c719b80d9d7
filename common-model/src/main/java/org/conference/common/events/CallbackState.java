package org.conference.common.events;

/** A subscriber's event callback: where webhooks go and the secret they are signed with (ARCHITECTURE.md §5). */
public record CallbackState(long id, String url, String secret) {
}
