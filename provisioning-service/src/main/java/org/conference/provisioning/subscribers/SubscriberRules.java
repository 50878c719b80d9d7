package org.conference.provisioning.subscribers;

import java.net.URI;
import java.util.regex.Pattern;

import org.conference.common.api.ApiException;

/** The shape a subscriber's fields must have. */
final class SubscriberRules {

    private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9._@+-]{3,64}");
    private static final int MIN_PASSWORD = 8;
    private static final int MAX_PASSWORD = 128;
    private static final int MAX_TEXT = 1024;

    static String login(String login) {
        if (!LOGIN.matcher(login).matches()) {
            throw ApiException.validation("login", "login must be 3 to 64 letters, digits or . _ @ + -");
        }
        return login;
    }

    static String password(String password) {
        if (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw ApiException.validation("password",
                    "password must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters");
        }
        return password;
    }

    static int role(long role) {
        if (role < 1 || role > 3) {
            throw ApiException.validation("role", "role must be 1 (administrator), 2 (operator) or 3 (regular user)");
        }
        return (int) role;
    }

    static String text(String field, String value) {
        if (value != null && value.length() > MAX_TEXT) {
            throw ApiException.validation(field, field + " is longer than " + MAX_TEXT + " characters");
        }
        return value;
    }

    static String email(String email) {
        text("email", email);
        if (email != null && !email.isEmpty() && !email.matches("[^@\\s]+@[^@\\s]+")) {
            throw ApiException.validation("email", "email must be an address like name@example.com");
        }
        return email;
    }

    /** An absolute http(s) URL; whether its host may be called is decided when delivering (callback-service). */
    static String callbackUrl(String field, String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (url.length() <= 2048 && uri.getHost() != null
                    && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                return url;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        throw ApiException.validation(field, field + " must be an absolute http or https URL");
    }

    private SubscriberRules() {
    }
}
