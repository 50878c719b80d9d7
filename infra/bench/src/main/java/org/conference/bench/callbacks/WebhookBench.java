package org.conference.bench.callbacks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.conference.bench.callbacks.WebhookReceivers.Kind;
import org.conference.bench.callbacks.WebhookReceivers.Receiver;
import org.conference.common.events.Topics;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 13's benchmark against a running stack: N events (default 10,000) published onto the meeting events topic at
 * a steady rate (default 200/s) for the rooms of 10 subscribers, each with its own loopback endpoint: 8 healthy, one
 * that answers after 2 s, one where nothing listens. Reports deliveries/s and event → receipt at the healthy
 * endpoints (the event's {@code occurredAt} is stamped as it is published; same machine, same clock).
 *
 * <p>Subscribers are created through the gateway (so provisioning-service publishes them, as in production) and
 * deleted at the end, which also ends the deliveries left for the dead and slow endpoints.
 */
public final class WebhookBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MEETINGS_PER_SUBSCRIBER = 10;

    private final Map<String, String> settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI api;
    private final String authorization;
    private final java.util.Set<String> published = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private WebhookBench(Map<String, String> settings) throws Exception {
        this.settings = settings;
        this.api = URI.create(settings.get("gateway") + "/conference/v1");
        String password = settings.containsKey("password") ? settings.get("password")
                : Files.readString(Path.of(settings.get("home"), "admin-password")).trim();
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((settings.get("login") + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> settings = new HashMap<>(Map.of("gateway", env("GATEWAY_URL", "http://127.0.0.1:8080"),
                "kafka", env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"), "login", env("CONFERENCE_ADMIN_LOGIN",
                        "admin"), "home", env("LOCAL_STACK_HOME", ".local"), "events", "10000", "rate", "200",
                "endpoints", "10", "slow-ms", "2000", "timeout-s", "600"));
        if (System.getenv("CONFERENCE_ADMIN_PASSWORD") != null) {
            settings.put("password", System.getenv("CONFERENCE_ADMIN_PASSWORD"));
        }
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                System.err.println("usage: WebhookBench [--gateway=URL] [--kafka=HOST:PORT] [--login=L] [--password=P]"
                        + " [--home=DIR] [--events=N] [--rate=PER_S] [--endpoints=N] [--slow-ms=MS] [--timeout-s=S]");
                System.exit(2);
            }
            settings.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        System.exit(new WebhookBench(settings).run() ? 0 : 1);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private int setting(String name) {
        return Integer.parseInt(settings.get(name));
    }

    private boolean run() throws Exception {
        int events = setting("events");
        int rate = setting("rate");
        try (WebhookReceivers receivers = new WebhookReceivers(setting("endpoints") - 2, setting("slow-ms"));
                KafkaProducer<String, String> producer = producer()) {
            Map<Receiver, String> owners = new LinkedHashMap<>();
            try {
                for (Receiver receiver : receivers.all()) {
                    owners.put(receiver, createSubscriber(receiver.url()));
                }
                awaitKnown(producer, owners);
                return measure(producer, owners, receivers, events, rate);
            } finally {
                for (String sid : owners.values()) {
                    send("DELETE", "/subscribers/" + sid, null);
                }
            }
        }
    }

    private boolean measure(KafkaProducer<String, String> producer, Map<Receiver, String> owners,
            WebhookReceivers receivers, int events, int rate) {
        List<Receiver> endpoints = new ArrayList<>(owners.keySet());
        Map<String, Long> sequences = new HashMap<>();
        long meetingBase = 900_000_000L + (System.currentTimeMillis() % 1_000) * 1_000;
        Map<Receiver, Integer> expected = new HashMap<>();
        published.clear();
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        long startMillis = System.currentTimeMillis();
        for (int n = 0; n < events; n++) {
            LockSupport.parkNanos(start + n * intervalNanos - System.nanoTime());
            Receiver endpoint = endpoints.get(n % endpoints.size());
            long meeting = meetingBase + (long) endpoints.indexOf(endpoint) * MEETINGS_PER_SUBSCRIBER
                    + (n / endpoints.size()) % MEETINGS_PER_SUBSCRIBER;
            long sequence = sequences.merge(Long.toString(meeting), 1L, Long::sum);
            ProducerRecord<String, String> record = event(meeting, sequence, owners.get(endpoint));
            published.add(JSON.readTree(record.value()).path("id").asString());
            producer.send(record);
            expected.merge(endpoint, 1, Integer::sum);
        }
        producer.flush();
        double publishSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("published %,d events in %.1f s (%.0f/s)%n", events, publishSeconds,
                events / publishSeconds);

        List<Receiver> healthy = receivers.of(Kind.HEALTHY);
        int healthyExpected = healthy.stream().mapToInt(receiver -> expected.getOrDefault(receiver, 0)).sum();
        long deadline = System.nanoTime() + Duration.ofSeconds(setting("timeout-s")).toNanos();
        while (received(healthy) < healthyExpected && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
        List<Long> latencies = new ArrayList<>();
        long lastReceipt = 0;
        for (Receiver receiver : healthy) {
            for (Map.Entry<String, WebhookReceivers.Arrival> entry : receiver.arrivals.entrySet()) {
                if (!published.contains(entry.getKey())) {
                    continue;
                }
                WebhookReceivers.Arrival arrival = entry.getValue();
                latencies.add(arrival.latency());
                lastReceipt = Math.max(lastReceipt, arrival.receivedAt());
            }
        }
        Receiver slow = receivers.of(Kind.SLOW).get(0);
        double seconds = (lastReceipt - startMillis) / 1000.0;
        System.out.printf("healthy endpoints: %,d of %,d deliveries in %.1f s after the first event: %.0f deliveries/s%n",
                received(healthy), healthyExpected, seconds, received(healthy) / seconds);
        System.out.println("event -> receipt at healthy endpoints: " + Percentiles.of(latencies));
        System.out.printf("slow endpoint (%s ms): %,d of %,d received by then; dead endpoint: %,d open deliveries%n",
                settings.get("slow-ms"), received(List.of(slow)), expected.getOrDefault(slow, 0),
                openDeliveries(owners.get(receivers.of(Kind.DEAD).get(0))));
        Percentiles result = Percentiles.of(latencies);
        boolean complete = received(healthy) == healthyExpected;
        System.out.println("goal (p99 < 300 ms at the healthy endpoints, all delivered): "
                + (complete && result.p99() < 300 ? "met" : "missed"));
        return complete;
    }

    /** Arrivals of the measured events (not of the probes that came before). */
    private int received(List<Receiver> receivers) {
        return (int) receivers.stream().flatMap(receiver -> receiver.arrivals.keySet().stream())
                .filter(published::contains).count();
    }

    /** One probe event per subscriber until callback-service has a delivery for each: then it knows them all. */
    private void awaitKnown(KafkaProducer<String, String> producer, Map<Receiver, String> owners) throws Exception {
        for (String sid : owners.values()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            boolean known = false;
            while (!known && System.nanoTime() < deadline) {
                ProducerRecord<String, String> probe = event(1, 1, sid);
                String id = JSON.readTree(probe.value()).path("id").asString();
                producer.send(probe).get();
                for (int poll = 0; poll < 20 && !known; poll++) {
                    Thread.sleep(150);
                    JsonNode page = send("GET", "/callbacks/deliveries?filter=" + java.net.URLEncoder.encode(
                            "eventId eq '" + id + "'", StandardCharsets.UTF_8), null);
                    known = page != null && page.path("total").asLong() > 0;
                }
            }
            if (!known) {
                throw new IllegalStateException("callback-service never learnt of subscriber " + sid);
            }
        }
    }

    private long openDeliveries(String sid) {
        JsonNode page = send("GET", "/callbacks/deliveries?limit=1&filter=" + java.net.URLEncoder.encode(
                "subscriberSid eq '" + sid + "' and status ne 'succeeded'", StandardCharsets.UTF_8), null);
        return page == null ? -1 : page.path("total").asLong();
    }

    private String createSubscriber(String callbackUrl) {
        String login = "webhook-bench-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode created = send("POST", "/subscribers", Map.of("login", login,
                "password", UUID.randomUUID().toString(), "eventCallbackUrl", callbackUrl));
        if (created == null || created.path("sid").isMissingNode()) {
            throw new IllegalStateException("POST /subscribers failed: " + created);
        }
        return created.path("sid").asString();
    }

    private static ProducerRecord<String, String> event(long meetingNumber, long sequence, String owner) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", UUID.randomUUID().toString());
        event.put("type", "call.joined");
        event.put("occurredAt", System.currentTimeMillis());
        event.put("sequence", sequence);
        event.put("meetingNumber", meetingNumber);
        event.put("subscriberSid", owner);
        event.put("data", Map.of("meeting", Map.of("meetingNumber", meetingNumber, "participantCount", 3),
                "call", Map.of("id", sequence, "meetingNumber", meetingNumber, "state", 2)));
        return new ProducerRecord<>(Topics.MEETING_EVENTS, Long.toString(meetingNumber), JSON.writeValueAsString(event));
    }

    private KafkaProducer<String, String> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.get("kafka"));
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(properties);
    }

    private JsonNode send(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(15))
                .header("Authorization", authorization).header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        try {
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return answer.body().isBlank() ? null : JSON.readTree(answer.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
