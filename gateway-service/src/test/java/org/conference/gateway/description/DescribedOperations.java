package org.conference.gateway.description;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The committed API description as a tree, and the operations it documents. */
final class DescribedOperations {

    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "head", "patch", "options");

    record Operation(String method, String path, String operationId, JsonNode node, boolean servedByGateway) {

        /** The path with every template variable replaced by a sample value of its kind. */
        String concretePath() {
            return path.replaceAll("\\{(id|meetingNumber|keyId)}", "17").replaceAll("\\{[^}]+}", "sample");
        }

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path + " (" + operationId + ")";
        }
    }

    private DescribedOperations() {
    }

    static byte[] documentBytes() {
        try (InputStream in = new ClassPathResource(ApiDescriptionConfiguration.RESOURCE).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode document() {
        return new YAMLMapper().readTree(documentBytes());
    }

    static List<Operation> all() {
        List<Operation> operations = new ArrayList<>();
        for (var path : document().get("paths").properties()) {
            boolean gateway = "gateway-service".equals(path.getValue().path("x-served-by").asString(null));
            for (var member : path.getValue().properties()) {
                if (METHODS.contains(member.getKey())) {
                    operations.add(new Operation(member.getKey(), path.getKey(),
                            member.getValue().path("operationId").asString(null), member.getValue(), gateway));
                }
            }
        }
        return operations;
    }
}
