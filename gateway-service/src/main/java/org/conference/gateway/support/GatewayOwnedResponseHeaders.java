package org.conference.gateway.support;

import java.util.Locale;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Drops from a service's answer the headers the gateway sets itself before routing (CORS, request id). The gateway
 * adds the service's headers to its own, so a service that also sent them would produce duplicates, and a browser
 * rejects a response with two {@code Access-Control-Allow-Origin} values.
 */
@Component
public class GatewayOwnedResponseHeaders implements HttpHeadersFilter {

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders kept = new HttpHeaders();
        input.forEach((name, values) -> {
            if (!isOwned(name)) {
                kept.addAll(name, values);
            }
        });
        return kept;
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.RESPONSE;
    }

    private static boolean isOwned(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith("access-control-") || lower.equals("x-request-id");
    }
}
