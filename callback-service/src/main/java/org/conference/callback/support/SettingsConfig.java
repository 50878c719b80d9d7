package org.conference.callback.support;

import org.conference.common.webhooks.CallbackTargetPolicy;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CallbackSettings.class)
class SettingsConfig {

    /** The same rule provisioning-service applies when a callback URL is set, here applied again before each send. */
    @Bean
    CallbackTargetPolicy callbackTargetPolicy(CallbackSettings settings) {
        return new CallbackTargetPolicy(settings.allowPrivateTargets());
    }
}
