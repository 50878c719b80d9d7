package org.conference.callback.support;

/** Where the operations API lives: under the public base path, routed by the gateway. */
public final class ApiPaths {

    public static final String CALLBACKS = "/conference/v1/callbacks";

    private ApiPaths() {
    }
}
