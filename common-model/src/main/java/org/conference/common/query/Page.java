package org.conference.common.query;

import java.util.List;

import org.conference.common.api.ListEnvelope;

/** One page of a list and the number of all matches ({@code total} counts every match, not just this page). */
public record Page<T>(List<T> items, long offset, long total) {

    public Page {
        items = List.copyOf(items);
    }

    /** The Conference envelope, e.g. {@code page.toEnvelope("meeting_rooms")}. */
    public ListEnvelope<T> toEnvelope(String plural) {
        return new ListEnvelope<>(plural, items, offset, total);
    }
}
