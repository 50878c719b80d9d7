package org.conference.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.conference.common.api.ApiErrorWebExceptionHandler;
import org.conference.common.identity.IdentityWebFilter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;

class ConferenceWebAutoConfigurationTest {

    private final ReactiveWebApplicationContextRunner application = new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConferenceWebAutoConfiguration.class))
            // as in a running application, where Boot converts "1MB" to a DataSize
            .withInitializer(context -> context.getBeanFactory()
                    .setConversionService(ApplicationConversionService.getSharedInstance()));

    @Test
    void aServiceThatChecksIdentitiesRefusesToStartWithoutTheSecret() {
        application.run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("CONFERENCE_INTERNAL_JWT_SECRET"));
    }

    @Test
    void anApplicationWithTheCheckTurnedOffStartsWithoutASecretAndKeepsTheErrorFormat() {
        application.withPropertyValues("conference.identity.verify-requests=false")
                .run(context -> assertThat(context).hasNotFailed()
                        .doesNotHaveBean(IdentityWebFilter.class)
                        .hasSingleBean(ApiErrorWebExceptionHandler.class));
    }

    @Test
    void aServiceWithTheSecretChecksIdentities() {
        application.withPropertyValues("conference.identity.jwt-secret=0123456789abcdef0123456789abcdef")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(IdentityWebFilter.class));
    }
}
