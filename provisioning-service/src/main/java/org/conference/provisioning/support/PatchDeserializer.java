package org.conference.provisioning.support;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;

/** Reads a {@link Patch}: the value with the deserializer of its own type; JSON null and absence as their states. */
final class PatchDeserializer extends ValueDeserializer<Patch<?>> {

    private final ValueDeserializer<Object> values;

    PatchDeserializer() {
        this(null);
    }

    private PatchDeserializer(ValueDeserializer<Object> values) {
        this.values = values;
    }

    @Override
    public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
        JavaType type = property != null ? property.getType() : context.getContextualType();
        JavaType valueType = type == null || type.containedTypeCount() == 0 ? context.constructType(Object.class)
                : type.containedType(0);
        return new PatchDeserializer(context.findContextualValueDeserializer(valueType, property));
    }

    @Override
    public Patch<?> deserialize(JsonParser parser, DeserializationContext context) {
        return Patch.of(values.deserialize(parser, context));
    }

    @Override
    public Object getNullValue(DeserializationContext context) {
        return Patch.cleared();
    }

    @Override
    public Object getAbsentValue(DeserializationContext context) {
        return Patch.absent();
    }
}
