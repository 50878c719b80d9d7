package org.conference.meeting.support;

/** The public base path of the Conference API (ARCHITECTURE.md §2); the gateway forwards paths unchanged. */
public final class ApiPaths {

    public static final String BASE = "/conference/v1";

    private ApiPaths() {
    }
}
