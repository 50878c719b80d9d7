package org.conference.common.attributes;

/**
 * Where a meeting attribute can be set; the bit of the reference's {@code group} field. The call flow shares the DID
 * group's bit: a call flow's template is the DID-group-level default.
 */
public enum AttributeLevel {
    DID_GROUP(1, "DID group"),
    DID(2, "DID"),
    MEETING_ROOM(4, "meeting room");

    private final int bit;
    private final String label;

    AttributeLevel(int bit, String label) {
        this.bit = bit;
        this.label = label;
    }

    public int bit() {
        return bit;
    }

    public String label() {
        return label;
    }

    public boolean allowedIn(int group) {
        return (group & bit) != 0;
    }
}
