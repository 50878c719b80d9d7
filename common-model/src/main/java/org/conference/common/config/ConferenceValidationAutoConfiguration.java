package org.conference.common.config;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Bean Validation reads its message bundles from the jars the first time a constraint fails. Left to the first bad
 * request, that file read would happen on a Netty event loop; one failing validation at start-up loads and caches
 * them instead (found by BlockHound in the services' tests).
 */
@AutoConfiguration(after = ValidationAutoConfiguration.class)
@ConditionalOnClass({Validator.class, ValidationAutoConfiguration.class})
public class ConferenceValidationAutoConfiguration {

    @Bean
    @ConditionalOnBean(Validator.class)
    SmartInitializingSingleton validationMessagesPreload(Validator validator) {
        return () -> validator.validate(new Unset(null));
    }

    /** Fails its one constraint, so the violation's message is interpolated. */
    record Unset(@NotNull Object value) {
    }
}
