package org.conference.callback.deliveries;

import java.time.Duration;

/**
 * What one HTTP attempt came to: the response status (null when none came: timeout, refused connection), the start of
 * the response body, the error when there was no response, and a {@code Retry-After} the receiver asked for.
 */
public record Attempt(Integer status, String responseBody, String error, Duration retryAfter) {

    public boolean succeeded() {
        return status != null && status >= 200 && status < 300;
    }

    /** 410 Gone: the receiver says the endpoint is no more (Standard Webhooks), so it is disabled. */
    public boolean gone() {
        return status != null && status == 410;
    }
}
