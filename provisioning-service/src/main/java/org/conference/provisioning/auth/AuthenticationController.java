package org.conference.provisioning.auth;

import org.conference.common.identity.AuthenticatedSubscriber;
import org.conference.common.identity.AuthenticationRequest;
import org.conference.provisioning.subscribers.SubscriberCredentials;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/**
 * The gateway's credential check (ARCHITECTURE.md §3.2). Under {@code /internal/**}, so the identity filter admits
 * only service identities; never routed by the gateway.
 */
@RestController
class AuthenticationController {

    private final SubscriberCredentials credentials;

    AuthenticationController(SubscriberCredentials credentials) {
        this.credentials = credentials;
    }

    @PostMapping("/internal/v1/authenticate")
    Mono<AuthenticatedSubscriber> authenticate(@RequestBody AuthenticationRequest request) {
        return credentials.authenticate(request);
    }
}
