package org.conference.edge.media.recording;

import java.util.regex.Pattern;

/** A recording's name becomes a file name: only these characters, and never a path (no {@code /}, no leading dot). */
public final class RecordingNames {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");

    private RecordingNames() {
    }

    public static boolean valid(String name) {
        return name != null && VALID.matcher(name).matches();
    }
}
