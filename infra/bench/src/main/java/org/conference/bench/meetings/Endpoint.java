package org.conference.bench.meetings;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

import org.conference.bench.meetings.PlatformHttp.Answer;

/** One HTTP API the bench talks to: the gateway (with Basic credentials) or the simulator (without). */
final class Endpoint {

    private static final Runnable NOTHING = () -> { };

    private final PlatformHttp http;
    private final URI base;
    private final String authorization;

    private Endpoint(PlatformHttp http, URI base, String authorization) {
        this.http = http;
        this.base = base;
        this.authorization = authorization;
    }

    /** The Conference API behind the gateway, as {@code login}. */
    static Endpoint gateway(PlatformHttp http, URI gateway, String login, String password) {
        String credentials = Base64.getEncoder()
                .encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Endpoint(http, URI.create(gateway + "/conference/v1"), "Basic " + credentials);
    }

    static Endpoint simulator(PlatformHttp http, URI simulator) {
        return new Endpoint(http, URI.create(simulator + "/simulator/v1"), null);
    }

    CompletableFuture<Answer> get(String pathAndQuery) {
        return http.send(http.request(base, pathAndQuery, "GET", null, authorization), NOTHING);
    }

    CompletableFuture<Answer> post(String path, Object body) {
        return post(path, body, NOTHING);
    }

    /** {@code justBeforeSending} runs once the request has its slot, right before it leaves. */
    CompletableFuture<Answer> post(String path, Object body, Runnable justBeforeSending) {
        return http.send(http.request(base, path, "POST", body, authorization), justBeforeSending);
    }

    CompletableFuture<Answer> delete(String path) {
        return http.send(http.request(base, path, "DELETE", null, authorization), NOTHING);
    }

    @Override
    public String toString() {
        return base.toString();
    }
}
