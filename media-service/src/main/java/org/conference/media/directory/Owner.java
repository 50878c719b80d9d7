package org.conference.media.directory;

import java.util.List;

/** The subscriber whose files are at stake, with its lineage (root first, itself last) for visibility checks. */
public record Owner(String sid, List<String> lineage) {

    public Owner {
        lineage = List.copyOf(lineage);
    }
}
