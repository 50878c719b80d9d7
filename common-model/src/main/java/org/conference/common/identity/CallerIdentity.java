package org.conference.common.identity;

import org.conference.common.api.ApiException;

import reactor.core.publisher.Mono;

/** The verified caller of the current request, for code that is not a controller method (see {@link IdentityWebFilter}). */
public final class CallerIdentity {

    public static Mono<Identity> current() {
        return Mono.deferContextual(context -> context.<Identity>getOrEmpty(Identity.class)
                .map(Mono::just)
                .orElseGet(() -> Mono.error(ApiException.unauthorized())));
    }

    private CallerIdentity() {
    }
}
