package org.conference.provisioning.subscribers;

import java.time.Duration;
import java.util.stream.Collectors;

import org.conference.provisioning.subscribers.SubscriberRequests.NewSubscriber;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import jakarta.validation.Validator;

/**
 * Creates the root administrator from {@code CONFERENCE_ADMIN_LOGIN} / {@code CONFERENCE_ADMIN_PASSWORD} at start-up;
 * its login and password follow the same rules as any subscriber's.
 */
@Component
class RootAdministrator implements ApplicationRunner {

    private final SubscriberCredentials credentials;
    private final Validator validator;
    private final String login;
    private final String password;

    RootAdministrator(SubscriberCredentials credentials, Validator validator,
            @Value("${conference.admin.login:}") String login,
            @Value("${conference.admin.password:}") String password) {
        this.credentials = credentials;
        this.validator = validator;
        this.login = login;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (login.isBlank() || password.isBlank()) {
            return;
        }
        var violations = validator.validate(new NewSubscriber(login, password, 1, null, null, null, null, null, null,
                null, null, null));
        if (!violations.isEmpty()) {
            throw new IllegalStateException("The root administrator's credentials are not acceptable: "
                    + violations.stream().map(v -> v.getPropertyPath() + " " + v.getMessage())
                    .sorted().collect(Collectors.joining("; ")));
        }
        // Start-up, not a request path: waiting here keeps the service from reporting ready without its root.
        credentials.ensureRootAdministrator(login, password).block(Duration.ofSeconds(30));
    }
}
