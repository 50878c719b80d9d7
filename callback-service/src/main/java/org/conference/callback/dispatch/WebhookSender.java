package org.conference.callback.dispatch;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeoutException;

import org.conference.callback.deliveries.Attempt;
import org.conference.callback.deliveries.Delivery;
import org.conference.callback.signing.WebhookSigner;
import org.conference.callback.support.CallbackSettings;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import io.netty.channel.ChannelOption;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.resources.ConnectionProvider;

/**
 * One HTTP attempt of a delivery (ARCHITECTURE.md §5): {@code POST} of the stored body with the Standard Webhooks
 * headers, signed afresh with the attempt's timestamp, to the address the guard checked. No redirect is followed; the
 * whole attempt, connecting included, has {@code conference.callbacks.timeout}. Never fails: a missing answer is an
 * {@link Attempt} with the error.
 */
@Component
class WebhookSender implements DisposableBean {

    private final WebhookSigner signer;
    private final Clock clock;
    private final Duration timeout;
    private final int snippet;
    private final ConnectionProvider connections;
    private final HttpClient plain;
    private final HttpClient secure;

    WebhookSender(WebhookSigner signer, Clock clock, CallbackSettings settings) {
        this.signer = signer;
        this.clock = clock;
        this.timeout = settings.timeout();
        this.snippet = settings.responseSnippet();
        this.connections = ConnectionProvider.builder("webhooks")
                // per remote address; the dispatcher's own permits bound each endpoint and the instance
                .maxConnections(settings.overallConcurrency())
                .pendingAcquireTimeout(settings.timeout())
                .maxIdleTime(Duration.ofSeconds(20))
                .build();
        HttpClient base = HttpClient.create(connections)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.connectTimeout().toMillis())
                .responseTimeout(settings.timeout())
                .followRedirect(false)
                .keepAlive(true);
        this.plain = base;
        this.secure = base.secure();
    }

    Mono<Attempt> send(Delivery delivery, String secret, InetSocketAddress address) {
        URI uri = URI.create(delivery.url());
        long timestamp = clock.instant().getEpochSecond();
        String signature = signer.sign(secret, delivery.eventId(), timestamp, delivery.body());
        String pathAndQuery = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String hostHeader = uri.getPort() > 0 ? uri.getHost() + ":" + uri.getPort() : uri.getHost();
        HttpClient client = "https".equalsIgnoreCase(uri.getScheme()) ? secure : plain;
        // a known length, not chunked: plenty of small webhook receivers read exactly Content-Length bytes
        byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
        return client.remoteAddress(() -> address)
                .headers(headers -> headers
                        .set(HttpHeaderNames.HOST, hostHeader)
                        .set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                        .set(HttpHeaderNames.USER_AGENT, "conference-callbacks/1")
                        .set("webhook-id", delivery.eventId())
                        .set("webhook-timestamp", Long.toString(timestamp))
                        .set("webhook-signature", signature)
                        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length))
                .post()
                .uri(pathAndQuery)
                .send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body)))
                .response((response, content) -> content.asByteArray()
                        .reduceWith(ByteArrayOutputStream::new, this::keepStart)
                        .map(start -> answered(response, start.toString(StandardCharsets.UTF_8))))
                .next()
                .timeout(timeout)
                .onErrorResume(failure -> Mono.just(new Attempt(null, null, describe(failure), null)));
    }

    private ByteArrayOutputStream keepStart(ByteArrayOutputStream kept, byte[] chunk) {
        int room = snippet - kept.size();
        if (room > 0) {
            kept.write(chunk, 0, Math.min(room, chunk.length));
        }
        return kept;
    }

    private Attempt answered(HttpClientResponse response, String body) {
        return new Attempt(response.status().code(), body, null,
                retryAfter(response.responseHeaders().get(HttpHeaderNames.RETRY_AFTER)));
    }

    /** {@code Retry-After} as seconds or as an HTTP date; null when absent or unreadable. */
    private Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(clock.instant(), at.toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (RuntimeException notADate) {
                return null;
            }
        }
    }

    private String describe(Throwable failure) {
        if (failure instanceof TimeoutException
                || failure instanceof io.netty.handler.timeout.ReadTimeoutException) {
            return "no answer within " + timeout.toMillis() + " ms";
        }
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    @Override
    public void destroy() {
        connections.disposeLater().block(Duration.ofSeconds(5));
    }
}
