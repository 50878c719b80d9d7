package org.conference.common.attributes;

/** A call flow of ARCHITECTURE.md §8: SPECTEL = 1, CONF = 3, ids as in the reference's samples. */
public record CallFlow(int id, String name, String path) {

    public static final CallFlow SPECTEL = new CallFlow(1, "SPECTEL", "/usr/local/DNCA/callflows/SPECTEL");
    public static final CallFlow CONF = new CallFlow(3, "CONF", "/usr/local/DNCA/callflows/CONF");
}
