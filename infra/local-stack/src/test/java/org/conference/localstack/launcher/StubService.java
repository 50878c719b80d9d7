package org.conference.localstack.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for a service in the launcher's tests: serves {@code GET /} on SERVER_PORT and {@code /actuator/health} on
 * MANAGEMENT_PORT, as the services do. STUB_HEALTH (default UP) is the health it reports (anything else answers 503);
 * STUB_ECHO names variables to print at start-up; STUB_IGNORE_SIGTERM=true makes it outlast SIGTERM.
 */
public final class StubService {

    public static void main(String[] args) throws IOException, InterruptedException {
        String name = System.getProperty("conference.localstack.process", "stub");
        String bind = System.getenv().getOrDefault("SERVER_ADDRESS", "127.0.0.1");
        int port = Integer.parseInt(System.getenv("SERVER_PORT"));
        int managementPort = Integer.parseInt(System.getenv("MANAGEMENT_PORT"));
        String health = System.getenv().getOrDefault("STUB_HEALTH", "UP");

        HttpServer api = HttpServer.create(new InetSocketAddress(bind, port), 0);
        api.createContext("/", exchange -> answer(exchange, 200, "stub " + name));
        HttpServer management = HttpServer.create(new InetSocketAddress(bind, managementPort), 0);
        management.createContext("/actuator/health",
                exchange -> answer(exchange, "UP".equals(health) ? 200 : 503, "{\"status\":\"" + health + "\"}"));
        api.start();
        management.start();
        for (String variable : System.getenv().getOrDefault("STUB_ECHO", "").split(",")) {
            if (!variable.isBlank()) {
                System.out.println("STUB " + variable + "=" + System.getenv(variable));
            }
        }
        System.out.println("stub " + name + " serves on " + port + " and answers " + health + " on " + managementPort);

        CountDownLatch never = new CountDownLatch(1);
        boolean stubborn = Boolean.parseBoolean(System.getenv().getOrDefault("STUB_IGNORE_SIGTERM", "false"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("stub " + name + (stubborn ? " ignores" : " obeys") + " the signal");
            if (stubborn) {
                awaitQuietly(never);
            }
            api.stop(0);
            management.stop(0);
        }));
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private StubService() {
    }
}
