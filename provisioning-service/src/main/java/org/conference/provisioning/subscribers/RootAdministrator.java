package org.conference.provisioning.subscribers;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Creates the root administrator from {@code CONFERENCE_ADMIN_LOGIN} / {@code CONFERENCE_ADMIN_PASSWORD} at start-up. */
@Component
class RootAdministrator implements ApplicationRunner {

    private final SubscriberCredentials credentials;
    private final String login;
    private final String password;

    RootAdministrator(SubscriberCredentials credentials,
            @Value("${conference.admin.login:}") String login,
            @Value("${conference.admin.password:}") String password) {
        this.credentials = credentials;
        this.login = login;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (login.isBlank() || password.isBlank()) {
            return;
        }
        // Start-up, not a request path: waiting here keeps the service from reporting ready without its root.
        credentials.ensureRootAdministrator(login, password).block(Duration.ofSeconds(30));
    }
}
