package org.conference.common.attributes;

import java.util.Arrays;

/** The attribute types of the reference's Attribute object ({@code type} field). */
public enum AttributeType {
    STRING(0),
    INT(2),
    DTMF(3),
    ROLE(4),
    CHOICE(5),
    DB_REFERENCE(6),
    UPLOAD(7);

    private final int code;

    AttributeType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    static AttributeType ofCode(int code) {
        return Arrays.stream(values()).filter(t -> t.code == code).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown attribute type " + code));
    }
}
