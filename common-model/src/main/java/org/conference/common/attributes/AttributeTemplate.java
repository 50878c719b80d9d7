package org.conference.common.attributes;

/** An entry of a Call Flow object's {@code attributeTemplates}, exactly the reference's Attribute object. */
public record AttributeTemplate(String description, String enumValues, int group, String name, int type, String value) {
}
