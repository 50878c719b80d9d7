package org.conference.gateway;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.conference.common.identity.AuthenticatedSubscriber;
import org.conference.common.identity.AuthenticationRequest;
import org.conference.common.identity.Identity;
import org.conference.common.identity.InternalJwt;
import org.conference.common.identity.Role;
import org.conference.testsupport.BackingServicesInitializer;

import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * provisioning-service as the gateway sees it: the authenticate contract of ARCHITECTURE.md section 3 (only for a
 * caller with a service identity), a logout that revokes the caller's token, and the echo of {@link StubService}
 * for every other path.
 */
public class ProvisioningStub extends StubService {

    public record User(String sid, String login, String password, String token, int role, List<String> lineage) {

        AuthenticatedSubscriber subscriber() {
            return new AuthenticatedSubscriber(sid, login, role, lineage);
        }
    }

    public static final String AUTHENTICATE = "/internal/v1/authenticate";

    private final InternalJwt jwt = new InternalJwt(BackingServicesInitializer.TEST_JWT_SECRET);
    private final Map<String, User> usersBySid = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> authenticationsByPrincipal = new ConcurrentHashMap<>();

    public ProvisioningStub(String host, int port) {
        super("provisioning-service", host, port);
    }

    /** Adds a subscriber with a fresh sid and token; returns it. */
    public User addUser(String login, String password, int role) {
        String sid = "sid-" + login;
        User user = new User(sid, login, password, "token-" + login, role, List.of("sid-root", sid));
        usersBySid.put(sid, user);
        return user;
    }

    /** How often the gateway asked about these credentials (a login, or a token). */
    public int authentications(String principal) {
        AtomicInteger count = authenticationsByPrincipal.get(principal);
        return count == null ? 0 : count.get();
    }

    @Override
    protected boolean wantsBody(HttpServerRequest request) {
        return request.fullPath().equals(AUTHENTICATE);
    }

    @Override
    protected Mono<Void> respond(HttpServerRequest request, HttpServerResponse response, byte[] body) {
        String path = request.fullPath();
        if (path.equals(AUTHENTICATE)) {
            return authenticate(request, response, body);
        }
        if (path.equals("/conference/v1/subscribers/logout")) {
            callerSid(request).map(usersBySid::get).ifPresent(this::revokeToken);
            return response.status(204).send();
        }
        return super.respond(request, response, body);
    }

    private Mono<Void> authenticate(HttpServerRequest request, HttpServerResponse response, byte[] body) {
        Optional<Identity> caller = jwt.verify(request.requestHeaders().get(InternalJwt.HEADER));
        if (caller.isEmpty() || caller.get().role() != Role.SERVICE) {
            return json(response, 401, Map.of("message", "authentication required"));
        }
        AuthenticationRequest credentials = JSON.readValue(body, AuthenticationRequest.class);
        String principal = credentials.login() != null ? credentials.login() : credentials.token();
        authenticationsByPrincipal.computeIfAbsent(principal, p -> new AtomicInteger()).incrementAndGet();
        return usersBySid.values().stream()
                .filter(user -> matches(user, credentials))
                .findFirst()
                .map(user -> json(response, 200, user.subscriber()))
                .orElseGet(() -> json(response, 401, Map.of("message", "authentication required")));
    }

    private static boolean matches(User user, AuthenticationRequest credentials) {
        if (credentials.token() != null) {
            return credentials.token().equals(user.token());
        }
        return user.login().equals(credentials.login()) && user.password().equals(credentials.password());
    }

    private Optional<String> callerSid(HttpServerRequest request) {
        return jwt.verify(request.requestHeaders().get(InternalJwt.HEADER)).map(Identity::sid);
    }

    private void revokeToken(User user) {
        usersBySid.put(user.sid(), new User(user.sid(), user.login(), user.password(), null, user.role(),
                user.lineage()));
    }
}
