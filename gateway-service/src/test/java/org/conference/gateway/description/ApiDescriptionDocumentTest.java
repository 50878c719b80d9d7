package org.conference.gateway.description;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The committed OpenAPI document is a valid 3.1 description whose every operation says what it answers. */
class ApiDescriptionDocumentTest {

    private static final String BASE = "https://conference.invalid/openapi.json";

    @Test
    void parsesAsOpenApi31WithoutErrorsOrWarnings() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIParser().readContents(
                new String(DescribedOperations.documentBytes(), StandardCharsets.UTF_8), null, options);

        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
        assertThat(result.getOpenAPI().getSpecVersion()).hasToString("V31");
        assertThat(result.getOpenAPI().getComponents().getSecuritySchemes()).containsOnlyKeys("basicAuth", "bearerAuth");
    }

    @Test
    void everyOperationHasAUniqueIdASuccessAndTheErrorsEveryRoutedRequestCanGet() {
        List<DescribedOperations.Operation> operations = DescribedOperations.all();
        assertThat(operations).hasSizeGreaterThan(50);
        var ids = new HashSet<String>();
        for (var operation : operations) {
            assertThat(operation.operationId()).as("operationId of %s", operation).isNotBlank();
            assertThat(ids.add(operation.operationId())).as("unique operationId %s", operation).isTrue();
            List<String> statuses = statuses(operation.node());
            // One plain success; only a download adds 206 for a byte range.
            List<String> successes = statuses.stream().filter(s -> s.startsWith("2")).toList();
            assertThat(successes).as("successes of %s", operation)
                    .isIn(List.of("200"), List.of("201"), List.of("202"), List.of("204"), List.of("200", "206"));
            if (operation.servedByGateway()) {
                assertThat(operation.node().get("security")).as("no authentication for %s", operation).isEmpty();
                continue;
            }
            assertThat(statuses).as("statuses of %s", operation).contains("401", "429", "503", "504");
            if (operation.path().contains("{")) {
                assertThat(statuses).as("an unknown id of %s", operation).contains("404");
            }
            if (operation.node().has("requestBody")) {
                assertThat(statuses).as("statuses of %s, which reads a body", operation).contains("413", "415");
            }
        }
    }

    @Test
    void everyPathTemplateVariableIsDeclaredAsAPathParameter() {
        JsonNode document = DescribedOperations.document();
        for (var operation : DescribedOperations.all()) {
            var declared = new HashSet<String>();
            JsonNode pathItem = document.get("paths").get(operation.path());
            for (JsonNode parameters : List.of(pathItem.path("parameters"), operation.node().path("parameters"))) {
                for (JsonNode parameter : parameters) {
                    JsonNode resolved = resolve(document, parameter);
                    if ("path".equals(resolved.path("in").asString())) {
                        declared.add(resolved.get("name").asString());
                    }
                }
            }
            Matcher variables = Pattern.compile("\\{([^}]+)}").matcher(operation.path());
            var inPath = new HashSet<String>();
            while (variables.find()) {
                inPath.add(variables.group(1));
            }
            assertThat(declared).as("path parameters of %s", operation).isEqualTo(inPath);
        }
    }

    /** The e2e test validates answers against these schemas; here each must at least load in the 3.1 dialect. */
    @Test
    void everyResponseSchemaLoadsInTheOpenApi31DialectAndTellsGoodFromBad() {
        JsonNode document = DescribedOperations.document();
        String json = new JsonMapper().writeValueAsString(document);
        SchemaRegistry registry = SchemaRegistry.withDialect(Dialects.getOpenApi31(),
                builder -> builder.schemas(Map.of(BASE, json)));
        List<String> loaded = new ArrayList<>();
        for (var schema : document.get("components").get("schemas").properties()) {
            var compiled = registry.getSchema(SchemaLocation.of(BASE + "#/components/schemas/" + schema.getKey()));
            compiled.initializeValidators();
            loaded.add(schema.getKey());
        }
        assertThat(loaded).contains("Subscriber", "DidGroup", "Did", "MeetingRoom", "CallFlow", "Meeting", "Call",
                "FileDescriptor", "Delivery", "Endpoint", "ListPage", "Error");

        var error = registry.getSchema(SchemaLocation.of(BASE + "#/components/schemas/Error"));
        JsonMapper mapper = new JsonMapper();
        assertThat(error.validate(mapper.readTree("""
                {"message": "no item error", "errors": [{"field": "cause", "message": "x", "reference_sid": null}]}
                """))).isEmpty();
        assertThat(error.validate(mapper.readTree("{\"msg\": \"no item error\"}"))).isNotEmpty();

        var subscribers = registry.getSchema(SchemaLocation.of(BASE + "#/components/schemas/SubscriberList"));
        assertThat(subscribers.validate(mapper.readTree("""
                {"last": -1, "offset": 0, "total": 0, "subscribers": []}"""))).isEmpty();
        assertThat(subscribers.validate(mapper.readTree("""
                {"last": -1, "offset": 0, "total": 0, "items": []}"""))).isNotEmpty();
    }

    private static List<String> statuses(JsonNode operation) {
        List<String> statuses = new ArrayList<>();
        operation.get("responses").propertyNames().forEach(statuses::add);
        return statuses;
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        if (!node.has("$ref")) {
            return node;
        }
        return document.at(node.get("$ref").asString().substring(1));
    }
}
