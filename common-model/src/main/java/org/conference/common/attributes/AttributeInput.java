package org.conference.common.attributes;

/** An attribute as a client sends it: {@code {"name": ..., "value": ...}}, the value a JSON string or number. */
public record AttributeInput(String name, Object value) {
}
