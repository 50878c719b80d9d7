package org.conference.gateway.support;

import java.net.InetSocketAddress;

import org.springframework.web.server.ServerWebExchange;

/**
 * The address of the peer that opened the connection. Forwarded headers are deliberately not trusted: the gateway is
 * the public door, so anything in X-Forwarded-For was written by the client itself (and would let it dodge throttling).
 */
public final class ClientAddress {

    public static String of(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }

    private ClientAddress() {
    }
}
