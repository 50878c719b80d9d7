package org.conference.common.api;

/** Sizes as error messages state them: exact bytes, and the binary unit a person configured them in. */
final class BodySizes {

    private static final long KIB = 1024;
    private static final long MIB = KIB * 1024;

    /** {@code 1048576 bytes (1 MiB)}, {@code 4096 bytes (4 KiB)}, {@code 1000 bytes}. */
    static String describe(long bytes) {
        if (bytes >= MIB && bytes % MIB == 0) {
            return bytes + " bytes (" + bytes / MIB + " MiB)";
        }
        if (bytes >= KIB && bytes % KIB == 0) {
            return bytes + " bytes (" + bytes / KIB + " KiB)";
        }
        return bytes + " bytes";
    }

    private BodySizes() {
    }
}
