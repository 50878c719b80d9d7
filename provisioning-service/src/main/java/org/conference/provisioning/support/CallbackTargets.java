package org.conference.provisioning.support;

import org.conference.common.webhooks.CallbackTargetPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The callback-target rule this service applies when a callback URL is set, the same one deliveries apply. */
@Configuration(proxyBeanMethods = false)
class CallbackTargets {

    @Bean
    CallbackTargetPolicy callbackTargetPolicy(
            @Value("${" + CallbackTargetPolicy.ALLOW_PRIVATE_TARGETS_PROPERTY + ":false}") boolean allowPrivate) {
        return new CallbackTargetPolicy(allowPrivate);
    }
}
