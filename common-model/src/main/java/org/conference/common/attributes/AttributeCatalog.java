package org.conference.common.attributes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.conference.common.api.ApiException;
import org.conference.common.api.FieldError;
import org.conference.common.events.AttributeSetting;

/**
 * The meeting-attribute catalog (ARCHITECTURE.md §8): every attribute of the reference's "Attributes List", read from
 * {@code catalog.tsv}, with the rules for setting a value at a level and for resolving the value in force.
 */
public final class AttributeCatalog {

    private static final AttributeCatalog STANDARD = load("catalog.tsv");

    private final Map<String, AttributeDefinition> definitions;
    private final List<CallFlow> callFlows = List.of(CallFlow.SPECTEL, CallFlow.CONF);

    private AttributeCatalog(Map<String, AttributeDefinition> definitions) {
        this.definitions = definitions;
    }

    /** The catalog of the reference: immutable, shared. */
    public static AttributeCatalog standard() {
        return STANDARD;
    }

    public List<AttributeDefinition> definitions() {
        return List.copyOf(definitions.values());
    }

    public Optional<AttributeDefinition> find(String name) {
        return Optional.ofNullable(name == null ? null : definitions.get(name));
    }

    public List<CallFlow> callFlows() {
        return callFlows;
    }

    public Optional<CallFlow> callFlow(int id) {
        return callFlows.stream().filter(flow -> flow.id() == id).findFirst();
    }

    /** The Call Flow object's {@code attributeTemplates}: every attribute with this flow's default value. */
    public List<AttributeTemplate> templates(CallFlow flow) {
        return definitions.values().stream()
                .map(d -> new AttributeTemplate(d.description(), d.enumValuesText(), d.group(), d.name(),
                        d.type().code(), d.defaults().getOrDefault(flow.id(), "")))
                .toList();
    }

    /**
     * Checks the attributes a client wants to set on an object of {@code level} and answers them in canonical form.
     * Every offending attribute (unknown name, not settable at this level, malformed or repeated value) is reported at
     * once in a 422 whose fields name the attribute ({@code attributes.<name>}).
     */
    public List<AttributeSetting> validate(List<AttributeInput> inputs, AttributeLevel level) {
        List<AttributeSetting> accepted = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (AttributeInput input : inputs) {
            String field = "attributes." + input.name();
            Optional<AttributeDefinition> definition = find(input.name());
            if (definition.isEmpty()) {
                errors.add(FieldError.of(field, "unknown attribute '" + input.name() + "'"));
            } else if (!definition.get().settableAt(level)) {
                errors.add(FieldError.of(field, input.name() + " cannot be set on a " + level.label()));
            } else if (!seen.add(input.name())) {
                errors.add(FieldError.of(field, input.name() + " is given more than once"));
            } else {
                AttributeValues.Result result = AttributeValues.check(definition.get(), input.value());
                if (result.accepted()) {
                    accepted.add(new AttributeSetting(input.name(), result.value()));
                } else {
                    errors.add(FieldError.of(field, input.name() + ": " + result.reason()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return accepted;
    }

    /**
     * The canonical form of {@code value} for attribute {@code name} set on a live meeting, where any attribute of the
     * catalog may change whatever the levels it can be provisioned at; 422 naming {@code field} when the name is
     * unknown or the value malformed.
     */
    public String checkValue(String name, Object value, String field) {
        AttributeDefinition definition = find(name)
                .orElseThrow(() -> ApiException.validation(field, "unknown attribute '" + name + "'"));
        AttributeValues.Result result = AttributeValues.check(definition, value);
        if (!result.accepted()) {
            throw ApiException.validation(field, name + ": " + result.reason());
        }
        return result.value();
    }

    /**
     * The values in force for a call: the call flow's defaults, overridden by the DID group's, then the DID's, then
     * the meeting room's settings, each only where the attribute may be set at that level.
     */
    public Map<String, String> effectiveValues(CallFlow flow, List<AttributeSetting> didGroup,
            List<AttributeSetting> did, List<AttributeSetting> meetingRoom) {
        Map<String, String> values = new LinkedHashMap<>();
        definitions.values().forEach(d -> values.put(d.name(), d.defaults().getOrDefault(flow.id(), "")));
        override(values, didGroup, AttributeLevel.DID_GROUP);
        override(values, did, AttributeLevel.DID);
        override(values, meetingRoom, AttributeLevel.MEETING_ROOM);
        return values;
    }

    private void override(Map<String, String> values, List<AttributeSetting> settings, AttributeLevel level) {
        for (AttributeSetting setting : settings) {
            find(setting.name()).filter(d -> d.settableAt(level))
                    .ifPresent(d -> values.put(d.name(), setting.value()));
        }
    }

    static AttributeCatalog load(String resource) {
        try (InputStream in = AttributeCatalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing attribute catalog " + resource);
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, AttributeDefinition> definitions = new LinkedHashMap<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    AttributeDefinition definition = parse(line);
                    definitions.put(definition.name(), definition);
                }
            }
            return new AttributeCatalog(Collections.unmodifiableMap(definitions));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AttributeDefinition parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 7) {
            throw new IllegalStateException("malformed catalog line: " + line);
        }
        List<String> enumValues = f[3].isEmpty() ? List.of() : Arrays.asList(f[3].split(","));
        return new AttributeDefinition(f[0], f[6], AttributeType.ofCode(Integer.parseInt(f[1])),
                Integer.parseInt(f[2]), enumValues, Map.of(CallFlow.CONF.id(), f[4], CallFlow.SPECTEL.id(), f[5]));
    }
}
