package org.conference.bench.meetings;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's and the simulator's HTTP APIs as the bench uses them, over an in-memory model of the platform: the
 * first probe call is hung up by the "server" (its number is not routed yet), later calls enter the lobby, a call
 * that keys the room's code followed by {@code #} shows as joined {@code joinDelayMillis} later, and the meeting is
 * gone once its last caller hung up. It records what the bench asked for, so a test can check the requests.
 */
final class FakePlatform implements AutoCloseable {

    static final String LOGIN = "admin";
    static final String PASSWORD = "bench-secret";

    /** One simulated call as both sides see it. */
    static final class FakeCall {
        final String id = UUID.randomUUID().toString();
        final String caller;
        final String callee;
        volatile boolean ended;
        volatile long joined;
        final List<String> digitsKeyed = new CopyOnWriteArrayList<>();

        FakeCall(String caller, String callee) {
            this.caller = caller;
            this.callee = callee;
        }
    }

    private static final Pattern EQ = Pattern.compile("(\\w+) eq \"?([^\" ]+)\"?");

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpServer gateway;
    private final HttpServer simulator;
    private final ExecutorService handlers = Executors.newFixedThreadPool(4);
    private final ScheduledExecutorService joins = Executors.newSingleThreadScheduledExecutor();
    private final long joinDelayMillis;
    private final Set<String> refusedDtmfCallers;
    private final Map<String, FakeCall> calls = new ConcurrentHashMap<>();
    private final AtomicInteger offers = new AtomicInteger();
    final List<JsonNode> provisioningBodies = new CopyOnWriteArrayList<>();
    final List<String> deletedPaths = new CopyOnWriteArrayList<>();
    final AtomicInteger unauthorized = new AtomicInteger();
    volatile String phoneNumber;
    volatile String accessCode;
    final long meetingNumber = 273751;

    /** {@code refusedDtmfCallers}: caller numbers whose DTMF the simulator refuses (409), so they never join. */
    FakePlatform(long joinDelayMillis, Set<String> refusedDtmfCallers) throws IOException {
        this.joinDelayMillis = joinDelayMillis;
        this.refusedDtmfCallers = refusedDtmfCallers;
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        simulator = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        gateway.createContext("/conference/v1/", this::gatewayRequest);
        simulator.createContext("/simulator/v1/calls", this::simulatorRequest);
        gateway.setExecutor(handlers);
        simulator.setExecutor(handlers);
        gateway.start();
        simulator.start();
    }

    URI gatewayUrl() {
        return URI.create("http://127.0.0.1:" + gateway.getAddress().getPort());
    }

    URI simulatorUrl() {
        return URI.create("http://127.0.0.1:" + simulator.getAddress().getPort());
    }

    List<FakeCall> calls() {
        return new ArrayList<>(calls.values());
    }

    private void gatewayRequest(HttpExchange exchange) throws IOException {
        String expected = "Basic " + java.util.Base64.getEncoder()
                .encodeToString((LOGIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            unauthorized.incrementAndGet();
            answer(exchange, 401, Map.of("message", "authentication required"));
            return;
        }
        String path = exchange.getRequestURI().getPath().substring("/conference/v1".length());
        String method = exchange.getRequestMethod();
        if ("POST".equals(method)) {
            provision(exchange, path);
        } else if ("DELETE".equals(method)) {
            deletedPaths.add(path);
            answer(exchange, 204, null);
        } else if (path.equals("/calls")) {
            listCalls(exchange);
        } else if (path.equals("/meetings/" + meetingNumber)) {
            List<FakeCall> joined = joined();
            answer(exchange, joined.isEmpty() ? 404 : 200, joined.isEmpty() ? Map.of("message", "cannot find meeting")
                    : Map.of("meetingNumber", meetingNumber, "participantCount", joined.size()));
        } else {
            answer(exchange, 404, Map.of("message", "not found"));
        }
    }

    private void provision(HttpExchange exchange, String path) throws IOException {
        JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
        provisioningBodies.add(body);
        switch (path) {
            case "/didGroups" -> answer(exchange, 200,
                    Map.of("id", 219, "callFlowId", body.path("callFlowId").asInt()));
            case "/dids" -> {
                phoneNumber = body.path("phoneNumber").asString();
                answer(exchange, 200, Map.of("id", 220, "phoneNumber", phoneNumber, "didGroupId", 219));
            }
            case "/meetingRooms" -> {
                accessCode = body.path("keychain").path(0).path("accessCode").asString();
                answer(exchange, 201, Map.of("meetingNumber", meetingNumber, "primaryDidGroupId", 219));
            }
            default -> answer(exchange, 404, Map.of("message", "not found"));
        }
    }

    /** The filters the bench sends: {@code caller eq}, {@code callee eq [and state eq]}, {@code meetingNumber eq}. */
    private void listCalls(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI());
        Map<String, String> terms = new LinkedHashMap<>();
        Matcher matcher = EQ.matcher(query.getOrDefault("filter", ""));
        while (matcher.find()) {
            terms.put(matcher.group(1), matcher.group(2));
        }
        List<FakeCall> matching = calls.values().stream().filter(call -> !call.ended)
                .filter(call -> !terms.containsKey("caller") || terms.get("caller").equals(call.caller))
                .filter(call -> !terms.containsKey("callee") || terms.get("callee").equals(call.callee))
                .filter(call -> !terms.containsKey("meetingNumber") || call.joined > 0)
                .filter(call -> !terms.containsKey("state") || (call.joined > 0 ? "2" : "1").equals(terms.get("state")))
                .sorted(Comparator.comparing(call -> call.caller)).toList();
        int offset = Integer.parseInt(query.getOrDefault("offset", "0"));
        int limit = Integer.parseInt(query.getOrDefault("limit", "10"));
        List<Map<String, Object>> page = matching.stream().skip(offset).limit(limit)
                .map(call -> Map.<String, Object>of("caller", call.caller, "joined", call.joined)).toList();
        answer(exchange, 200, Map.of("calls", page, "offset", offset, "total", matching.size()));
    }

    private void simulatorRequest(HttpExchange exchange) throws IOException {
        String[] parts = exchange.getRequestURI().getPath().split("/");
        String method = exchange.getRequestMethod();
        if (parts.length == 4 && "POST".equals(method)) {
            JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
            FakeCall call = new FakeCall(body.path("from").asString(), body.path("to").asString());
            // the first offer finds the number not routed yet: the platform hangs it up at once
            call.ended = offers.getAndIncrement() == 0;
            calls.put(call.id, call);
            answer(exchange, 201, Map.of("id", call.id, "state", "answered"));
            return;
        }
        FakeCall call = parts.length >= 5 ? calls.get(parts[4]) : null;
        if (call == null) {
            answer(exchange, 404, Map.of("message", "cannot find call"));
        } else if ("GET".equals(method)) {
            answer(exchange, 200, Map.of("id", call.id, "state", call.ended ? "ended" : "answered"));
        } else if ("DELETE".equals(method)) {
            boolean wasUp = !call.ended;
            call.ended = true;
            answer(exchange, wasUp ? 204 : 409, wasUp ? null : Map.of("message", "conflict"));
        } else {
            keyed(exchange, call);
        }
    }

    private void keyed(HttpExchange exchange, FakeCall call) throws IOException {
        String digits = json.readTree(exchange.getRequestBody().readAllBytes()).path("digits").asString();
        if (call.ended || refusedDtmfCallers.contains(call.caller)) {
            answer(exchange, 409, Map.of("message", "conflict"));
            return;
        }
        call.digitsKeyed.add(digits);
        if (digits.equals(accessCode + "#")) {
            joins.schedule(() -> call.joined = System.currentTimeMillis(), joinDelayMillis, TimeUnit.MILLISECONDS);
        }
        answer(exchange, 202, null);
    }

    private List<FakeCall> joined() {
        return calls.values().stream().filter(call -> !call.ended && call.joined > 0).toList();
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int equals = pair.indexOf('=');
            query.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    private void answer(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    @Override
    public void close() {
        gateway.stop(0);
        simulator.stop(0);
        handlers.shutdownNow();
        joins.shutdownNow();
    }
}
