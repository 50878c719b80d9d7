package org.conference.provisioning.subscribers;

/** A subscriber's event callback: integer id, target URL and the secret its webhooks are signed with. */
public record CallbackDocument(long id, String url, String secret) {
}
