package org.conference.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The committed OpenAPI document ({@code gateway-service/src/main/resources/openapi/conference-api.yaml}): its
 * operations, the statuses each documents, and its response schemas as a JSON Schema 2020-12 validator in the
 * OpenAPI 3.1 dialect resolves them (references within the document included).
 */
final class ApiDescription {

    static final String RESOURCE = "gateway-service/src/main/resources/openapi/conference-api.yaml";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "head", "patch", "options");
    /** Where the validator finds the document; nothing is fetched from it. */
    private static final String BASE_IRI = "https://conference.invalid/openapi.json";

    /** One documented operation. */
    record Operation(String id, String method, String path, List<String> pathParameters, JsonNode node) {

        /** The statuses the operation documents, in document order. */
        List<String> statuses() {
            List<String> statuses = new ArrayList<>();
            node.get("responses").propertyNames().forEach(statuses::add);
            return statuses;
        }

        /** The plain success: the first 2xx documented (a download also documents 206). */
        int success() {
            return statuses().stream().filter(status -> status.startsWith("2")).findFirst().map(Integer::parseInt)
                    .orElseThrow(() -> new AssertionError(this + " documents no success"));
        }

        boolean documents(int status) {
            return node.get("responses").has(Integer.toString(status));
        }

        @Override
        public String toString() {
            return id + " (" + method.toUpperCase() + " " + path + ")";
        }
    }

    private final byte[] bytes;
    private final JsonNode document;
    private final Map<String, Operation> operations = new LinkedHashMap<>();
    private final SchemaRegistry schemas;

    private ApiDescription(byte[] bytes) {
        this.bytes = bytes;
        this.document = new YAMLMapper().readTree(bytes);
        String json = new JsonMapper().writeValueAsString(document);
        this.schemas = SchemaRegistry.withDialect(Dialects.getOpenApi31(),
                builder -> builder.schemas(Map.of(BASE_IRI, json)));
        for (var path : document.get("paths").properties()) {
            List<String> shared = pathParameters(path.getValue());
            for (var member : path.getValue().properties()) {
                if (METHODS.contains(member.getKey())) {
                    List<String> parameters = new ArrayList<>(shared);
                    parameters.addAll(pathParameters(member.getValue()));
                    String id = member.getValue().get("operationId").asString();
                    operations.put(id, new Operation(id, member.getKey(), path.getKey(), parameters,
                            member.getValue()));
                }
            }
        }
    }

    static ApiDescription committed() {
        Path file = Path.of(System.getProperty("e2e.repository", "../..")).resolve(RESOURCE);
        try {
            return new ApiDescription(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    byte[] bytes() {
        return bytes.clone();
    }

    Map<String, Operation> operations() {
        return operations;
    }

    /**
     * What is wrong with {@code body} as the answer {@code status} of {@code operation} with a JSON body: empty when
     * it validates against the documented schema; a description when it does not, or when no JSON schema is
     * documented for that status.
     */
    List<String> violations(Operation operation, int status, String body) {
        Optional<String> pointer = jsonSchemaPointer(operation, status);
        if (pointer.isEmpty()) {
            return List.of(operation + " documents no JSON body for " + status);
        }
        Schema schema = schemas.getSchema(SchemaLocation.of(BASE_IRI + "#" + pointer.get()));
        return schema.validate(new JsonMapper().readTree(body)).stream().map(Error::toString).toList();
    }

    /** Whether the documented answer {@code status} of {@code operation} has a JSON body. */
    boolean hasJsonBody(Operation operation, int status) {
        return jsonSchemaPointer(operation, status).isPresent();
    }

    private Optional<String> jsonSchemaPointer(Operation operation, int status) {
        String responsePointer = "/paths/" + escape(operation.path()) + "/" + operation.method() + "/responses/"
                + status;
        JsonNode response = document.at(responsePointer);
        if (response.has("$ref")) {
            responsePointer = response.get("$ref").asString().substring(1);
            response = document.at(responsePointer);
        }
        if (!response.path("content").path("application/json").has("schema")) {
            return Optional.empty();
        }
        return Optional.of(responsePointer + "/content/application~1json/schema");
    }

    private List<String> pathParameters(JsonNode owner) {
        List<String> names = new ArrayList<>();
        for (JsonNode parameter : owner.path("parameters")) {
            JsonNode resolved = parameter.has("$ref")
                    ? document.at(parameter.get("$ref").asString().substring(1)) : parameter;
            if ("path".equals(resolved.path("in").asString())) {
                names.add(resolved.get("name").asString());
            }
        }
        return names;
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
