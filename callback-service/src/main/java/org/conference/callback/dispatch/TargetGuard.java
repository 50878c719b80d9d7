package org.conference.callback.dispatch;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

import org.conference.common.webhooks.CallbackTargetPolicy;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The SSRF guard before every attempt: the URL must pass {@link CallbackTargetPolicy}, and so must every address its
 * host resolves to. The name is resolved off the event loop (JDK lookups block), and the attempt connects to the
 * address checked here, carrying the host name for the Host header and TLS, so a second, different DNS answer
 * (rebinding) never reaches the connection.
 */
@Component
class TargetGuard {

    private final CallbackTargetPolicy policy;

    TargetGuard(CallbackTargetPolicy policy) {
        this.policy = policy;
    }

    /** The address to connect to; {@link TargetRefusedException} when the guard refuses the target. */
    Mono<InetSocketAddress> check(String url) {
        Optional<String> refusal = policy.refusal(url);
        if (refusal.isPresent()) {
            return Mono.error(new TargetRefusedException("callback url " + refusal.get()));
        }
        URI uri = URI.create(url);
        String host = unbracketed(uri.getHost());
        int port = uri.getPort() > 0 ? uri.getPort()
                : "https".equals(uri.getScheme().toLowerCase(Locale.ROOT)) ? 443 : 80;
        return Mono.fromCallable(() -> InetAddress.getAllByName(host))
                .subscribeOn(Schedulers.boundedElastic())
                .map(addresses -> {
                    for (InetAddress address : addresses) {
                        Optional<String> refused = policy.refusal(address);
                        if (refused.isPresent()) {
                            throw new TargetRefusedException("callback host " + host + " resolves to "
                                    + address.getHostAddress() + ", which it " + refused.get());
                        }
                    }
                    return new InetSocketAddress(pinned(host, addresses[0]), port);
                });
    }

    private static InetAddress pinned(String host, InetAddress checked) {
        try {
            return InetAddress.getByAddress(host, checked.getAddress());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of " + checked.getAddress().length + " bytes", e);
        }
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
