package org.conference.deploycheck;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Parses rendered manifests into the Kubernetes API's own types (the fabric8 model) and refuses what the API server
 * would refuse or silently drop. The model is lenient by design: an unknown field lands in the object's
 * {@code additionalProperties}, and Jackson coerces {@code "8081"} into a port number. So every object is walked for
 * additional properties, and serialized back and compared with the input, which exposes coercions and lost fields
 * (the model may add what it implies, such as the apiVersion and kind of a StatefulSet's claim templates).
 */
final class StrictKubernetesParser {

    /** A document of a kind the core model does not know (a CRD such as KEDA's ScaledObject), kept as a tree. */
    record CustomResource(String apiVersion, String kind, String name, JsonNode tree) {
    }

    record Parsed(List<HasMetadata> objects, List<CustomResource> customResources) {
    }

    private final KubernetesSerialization serialization = new KubernetesSerialization();
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    private final ObjectMapper json = new ObjectMapper();

    /** Parses a multi-document YAML stream; throws {@link InvalidManifestException} naming every problem found. */
    Parsed parse(String multiDocumentYaml) {
        List<HasMetadata> objects = new ArrayList<>();
        List<CustomResource> custom = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String document : multiDocumentYaml.split("(?m)^---\\s*$")) {
            if (document.isBlank()) {
                continue;
            }
            JsonNode tree = readTree(document);
            String apiVersion = tree.path("apiVersion").asText();
            String kind = tree.path("kind").asText();
            String where = kind + "/" + tree.path("metadata").path("name").asText();
            Class<? extends KubernetesResource> type = serialization.getRegisteredKubernetesResource(apiVersion, kind);
            if (type == null) {
                custom.add(new CustomResource(apiVersion, kind, tree.path("metadata").path("name").asText(), tree));
                continue;
            }
            try {
                KubernetesResource typed = serialization.convertValue(tree, type);
                unknownFields(typed, where, problems);
                String lost = firstDifference(tree, json.readTree(serialization.asJson(typed)), "");
                if (lost != null) {
                    problems.add(where + ": " + lost + " does not survive a round trip through "
                            + type.getSimpleName() + " (a value of the wrong type, or a field the type drops)");
                }
                objects.add((HasMetadata) typed);
            } catch (RuntimeException | java.io.IOException e) {
                problems.add(where + ": not a valid " + type.getSimpleName() + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidManifestException(problems);
        }
        return new Parsed(List.copyOf(objects), List.copyOf(custom));
    }

    private JsonNode readTree(String document) {
        try {
            return yaml.readTree(document);
        } catch (java.io.IOException e) {
            throw new InvalidManifestException(List.of("not YAML: " + e.getMessage()));
        }
    }

    /** The path of the first value of {@code in} that {@code out} lacks or holds differently; null when none. */
    private static String firstDifference(JsonNode in, JsonNode out, String path) {
        if (in.isObject() && out.isObject()) {
            for (var field : (Iterable<Map.Entry<String, JsonNode>>) in::fields) {
                JsonNode other = out.get(field.getKey());
                String difference = other == null ? path + "." + field.getKey()
                        : firstDifference(field.getValue(), other, path + "." + field.getKey());
                if (difference != null) {
                    return difference;
                }
            }
            return null;
        }
        if (in.isArray() && out.isArray() && in.size() == out.size()) {
            for (int i = 0; i < in.size(); i++) {
                String difference = firstDifference(in.get(i), out.get(i), path + "[" + i + "]");
                if (difference != null) {
                    return difference;
                }
            }
            return null;
        }
        return in.equals(out) ? null : (path.isEmpty() ? "the document" : path) + " (" + in + " became " + out + ")";
    }

    /** Every model object keeps the fields it does not know in getAdditionalProperties(): there must be none. */
    private static void unknownFields(Object value, String path, List<String> problems) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?>) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + index++ + "]", problems);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> unknownFields(item, path + "." + key, problems));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (!isProperty(getter)) {
                continue;
            }
            Object property = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (property instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(path + ": unknown field(s) " + extra.keySet());
                }
            } else {
                unknownFields(property, path + "." + propertyName(getter), problems);
            }
        }
    }

    private static boolean isProperty(Method method) {
        return method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers())
                && method.getDeclaringClass().getName().startsWith("io.fabric8.")
                && method.getName().startsWith("get") && !method.getName().equals("getClass");
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }

    private static String propertyName(Method getter) {
        String name = getter.getName().substring(3);
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    static final class InvalidManifestException extends RuntimeException {

        InvalidManifestException(List<String> problems) {
            super(problems.size() + " invalid object(s):\n" + String.join("\n", problems));
        }
    }
}
