package org.conference.media.support;

/** The public paths media-service serves (ARCHITECTURE.md §2); the gateway forwards them unchanged. */
public final class ApiPaths {

    public static final String BASE = "/conference/v1";
    /** Where a File Descriptor's {@code url} points: {@code /storage/subscribers/{sid}/{name}}. */
    public static final String STORAGE = "/storage/subscribers";

    public static String storageUrl(String subscriberSid, String fileName) {
        return STORAGE + "/" + subscriberSid + "/" + fileName;
    }

    private ApiPaths() {
    }
}
