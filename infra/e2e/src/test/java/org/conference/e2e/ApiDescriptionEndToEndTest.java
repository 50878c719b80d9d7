package org.conference.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 14: the committed API description against the running platform. For every operation the document lists,
 * a valid request answers the documented success with a body that validates against the documented schema, an
 * unknown id answers 404 in the error format, and no answer has a status the operation does not document. An
 * operation in the document that {@link DescribedRequests} has no request for fails the test by name.
 */
@ExtendWith(SharedPlatform.class)
@Order(4)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDescriptionEndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final ApiDescription description = ApiDescription.committed();
    private final DescribedRequests.Fixtures fixtures = new DescribedRequests.Fixtures();
    private final AtomicInteger webhooksReceived = new AtomicInteger();
    private Platform platform;
    private RawHttp http;
    private String admin;
    private HttpServer webhookReceiver;

    @BeforeAll
    void useThePlatform(Platform shared) throws IOException {
        platform = shared;
        http = new RawHttp(platform.gatewayUrl());
        admin = platform.adminAuthorization();
        webhookReceiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhookReceiver.createContext("/hooks", exchange -> {
            exchange.getRequestBody().readAllBytes();
            webhooksReceived.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhookReceiver.start();
    }

    @AfterAll
    void stopTheReceiver() {
        if (webhookReceiver != null) {
            webhookReceiver.stop(0);
        }
    }

    @Test
    void everyDocumentedOperationHasARequestAndEveryRequestADocumentedOperation() {
        Set<String> requested = new LinkedHashSet<>();
        new DescribedRequests(http, admin).steps().forEach(step -> requested.add(step.operationId()));

        Set<String> notExercised = new LinkedHashSet<>(description.operations().keySet());
        notExercised.removeAll(requested);
        Set<String> notDocumented = new LinkedHashSet<>(requested);
        notDocumented.removeAll(description.operations().keySet());

        assertThat(notExercised).as("documented operations this test sends no request for").isEmpty();
        assertThat(notDocumented).as("requests for operations the document does not have").isEmpty();
    }

    @Test
    void theGatewayServesTheCommittedDocument() {
        RawHttp.Answer served = http.send("GET", "/conference/v1/openapi.yaml", null, null, null);

        assertThat(served.status()).isEqualTo(200);
        assertThat(served.contentType()).startsWith("application/yaml");
        assertThat(served.body()).as("the served document is the committed one").isEqualTo(description.bytes());
    }

    /** The schemas are strict enough to catch a service renaming a field of its answer. */
    @Test
    void aRenamedFieldBreaksTheDocumentedSchema() {
        ApiDescription.Operation whoAmI = description.operations().get("whoAmI");
        RawHttp.Answer answer = http.send("GET", whoAmI.path(), admin, null, null);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(description.violations(whoAmI, 200, answer.text())).isEmpty();

        Map<String, Object> renamed = new LinkedHashMap<>(JSON.readValue(answer.body(), OBJECT));
        renamed.put("loginName", renamed.remove("login"));
        assertThat(description.violations(whoAmI, 200, JSON.writeValueAsString(renamed)))
                .as("violations of a Subscriber whose login is called loginName").isNotEmpty();
    }

    @Test
    void everyOperationAnswersAsDocumentedAgainstTheRunningPlatform() {
        startALiveMeetingWithWebhooks();
        List<String> findings = new ArrayList<>();
        Set<String> exercised = new LinkedHashSet<>();
        for (DescribedRequests.Step step : new DescribedRequests(http, admin).steps()) {
            ApiDescription.Operation operation = description.operations().get(step.operationId());
            if (operation == null) {
                findings.add(step.operationId() + ": not in the document");
                continue;
            }
            try {
                step.before().accept(fixtures);
                DescribedRequests.Request request = step.request().apply(fixtures);
                probeUnknownId(operation, request, findings);
                RawHttp.Answer answer = send(operation, request, request.path());
                if (checkSuccess(operation, answer, findings) && isJsonObject(answer)) {
                    step.after().accept(fixtures, JSON.readValue(answer.body(), OBJECT));
                }
                exercised.add(operation.id());
            } catch (RuntimeException | AssertionError e) {
                findings.add(operation + ": " + e);
            }
        }
        assertThat(findings).as("answers that disagree with the document").isEmpty();
        assertThat(exercised).containsExactlyInAnyOrderElementsOf(description.operations().keySet());
    }

    /** (a), (c) and (d): the documented success, a documented status, a body of the documented schema. */
    private boolean checkSuccess(ApiDescription.Operation operation, RawHttp.Answer answer, List<String> findings) {
        int before = findings.size();
        if (!operation.documents(answer.status())) {
            findings.add(operation + ": answered " + answer.status() + ", which it does not document: "
                    + answer.text());
        } else if (answer.status() != operation.success()) {
            findings.add(operation + ": answered " + answer.status() + " instead of " + operation.success() + ": "
                    + answer.text());
        } else if (operation.id().equals("getApiDescription")) {
            if (answer.contentType() == null || !answer.contentType().startsWith("application/yaml")
                    || !Arrays.equals(answer.body(), description.bytes())) {
                findings.add(operation + ": not the committed document as application/yaml");
            }
        } else if (description.hasJsonBody(operation, answer.status())) {
            checkJsonBody(operation, answer, findings);
        }
        return findings.size() == before;
    }

    /** (b): an unknown id (the last path variable) answers 404 in the error format. */
    private void probeUnknownId(ApiDescription.Operation operation, DescribedRequests.Request request,
            List<String> findings) {
        List<String> ids = operation.pathParameters().stream().filter(name -> !name.equals("name")).toList();
        if (ids.isEmpty()) {
            return;
        }
        String id = ids.get(ids.size() - 1);
        Map<String, String> path = new LinkedHashMap<>(request.path());
        path.put(id, unknown(id));
        RawHttp.Answer answer = send(operation, request, path);
        if (answer.status() != 404 || !operation.documents(404)) {
            findings.add(operation + ": an unknown " + id + " answered " + answer.status()
                    + (operation.documents(404) ? "" : " and 404 is not documented") + ": " + answer.text());
        } else if (!operation.method().equals("head")) {
            checkJsonBody(operation, answer, findings);
        }
    }

    private void checkJsonBody(ApiDescription.Operation operation, RawHttp.Answer answer, List<String> findings) {
        if (answer.contentType() == null || !answer.contentType().startsWith("application/json")) {
            findings.add(operation + ": " + answer.status() + " came as " + answer.contentType());
            return;
        }
        List<String> violations = description.violations(operation, answer.status(), answer.text());
        if (!violations.isEmpty()) {
            findings.add(operation + ": the " + answer.status() + " body breaks the documented schema " + violations
                    + ": " + answer.text());
        }
    }

    private RawHttp.Answer send(ApiDescription.Operation operation, DescribedRequests.Request request,
            Map<String, String> path) {
        String concrete = operation.path();
        for (var variable : path.entrySet()) {
            concrete = concrete.replace("{" + variable.getKey() + "}",
                    URLEncoder.encode(variable.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        String authorization = request.authorization() == null ? admin
                : request.authorization().isEmpty() ? null : request.authorization();
        return http.send(operation.method().toUpperCase(), concrete, authorization, request.contentType(),
                request.body());
    }

    private String unknown(String parameter) {
        return switch (parameter) {
            case "sid" -> "no-such-subscriber-" + fixtures.run;
            case "fileName" -> "no-such-file-" + fixtures.run + ".wav";
            case "deliveryId" -> "no-such-delivery-" + fixtures.run;
            case "endpointId" -> "no-such-endpoint-" + fixtures.run;
            // Within an int: a call flow id is one, and an overflowing id is a malformed request (400), not unknown.
            default -> "9" + fixtures.run + "7";
        };
    }

    private static boolean isJsonObject(RawHttp.Answer answer) {
        return answer.contentType() != null && answer.contentType().startsWith("application/json")
                && answer.body().length > 0 && answer.body()[0] == '{';
    }

    /**
     * A room with a host and a participant in its live meeting, whose owner has a callback URL here, and one
     * delivery of its events that succeeded: what the meeting, call and webhook operations need.
     */
    private void startALiveMeetingWithWebhooks() {
        JsonHttp api = platform.publicApi();
        fixtures.liveRoom = LiveRoom.provision(platform, Map.of());
        api.put("/subscribers/" + fixtures.liveRoom.ownerSid(), Map.of("callback", Map.of("url",
                "http://127.0.0.1:" + webhookReceiver.getAddress().getPort() + "/hooks"))).expect(200);
        fixtures.host = fixtures.liveRoom.join(LiveRoom.HOST);
        fixtures.participant = fixtures.liveRoom.join(LiveRoom.PARTICIPANT);
        String filter = URLEncoder.encode("subscriberSid eq '" + fixtures.liveRoom.ownerSid()
                + "' and status eq 'succeeded'", StandardCharsets.UTF_8);
        await("a succeeded webhook delivery to " + fixtures.liveRoom.ownerSid()).atMost(LiveRoom.WAIT)
                .pollInterval(LiveRoom.POLL).untilAsserted(() -> {
                    @SuppressWarnings("unchecked")
                    List<Map<String, Object>> deliveries = (List<Map<String, Object>>) api
                            .get("/callbacks/deliveries?filter=" + filter).object(200).get("deliveries");
                    assertThat(deliveries).isNotEmpty();
                    fixtures.deliveryId = (String) deliveries.get(0).get("id");
                    fixtures.endpointId = (String) deliveries.get(0).get("endpointId");
                });
        assertThat(webhooksReceived.get()).isPositive();
    }
}
