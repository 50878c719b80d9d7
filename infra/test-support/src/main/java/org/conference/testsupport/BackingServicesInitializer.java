package org.conference.testsupport;

import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring test context at {@link BackingServices}: Kafka bootstrap servers, a Mongo database of its own (so
 * contexts never see each other's documents), and an identity secret. Use through {@link WithBackingServices}.
 */
public class BackingServicesInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The identity secret test contexts share, so tests can mint tokens the services accept. */
    public static final String TEST_JWT_SECRET = "test-secret-of-at-least-thirty-two-bytes!";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String app = context.getEnvironment().getProperty("spring.application.name", "app");
        String database = app.replaceAll("[^A-Za-z0-9]", "_") + "_" + UUID.randomUUID().toString().substring(0, 8);
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("backingServices", Map.of(
                "spring.kafka.bootstrap-servers", BackingServices.kafka().bootstrapServers(),
                "spring.mongodb.uri", BackingServices.mongo().uri(database),
                "spring.mongodb.database", database,
                "conference.identity.jwt-secret", TEST_JWT_SECRET)));
    }
}
