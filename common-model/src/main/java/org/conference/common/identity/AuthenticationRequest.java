package org.conference.common.identity;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Body of provisioning-service's {@code POST /internal/v1/authenticate} (ARCHITECTURE.md §3.2), sent by the gateway
 * with a service identity: either {@code login} + {@code password} (HTTP Basic) or {@code token} (HTTP Bearer, the
 * subscriber's authenticationToken). Answer: 200 {@link AuthenticatedSubscriber}, or 401 when the credentials are wrong.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuthenticationRequest(String login, String password, String token) {

    public static AuthenticationRequest basic(String login, String password) {
        return new AuthenticationRequest(login, password, null);
    }

    public static AuthenticationRequest bearer(String token) {
        return new AuthenticationRequest(null, null, token);
    }

    @Override
    public String toString() {
        return "AuthenticationRequest[login=" + login + ", password=***, token=" + (token == null ? null : "***") + "]";
    }
}
