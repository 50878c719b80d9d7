package org.conference.common.config;

import org.conference.common.api.ApiErrorWebExceptionHandler;
import org.conference.common.identity.IdentityArgumentResolver;
import org.conference.common.identity.IdentityWebFilter;
import org.conference.common.identity.InternalJwt;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.annotation.Order;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every service gets by depending on common-model: the API error format and the identity check. The gateway
 * mints identities instead of checking them and turns the check off with
 * {@code conference.identity.verify-requests=false}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class ConferenceWebAutoConfiguration {

    @Bean
    @Order(-2)
    @ConditionalOnMissingBean
    ApiErrorWebExceptionHandler apiErrorWebExceptionHandler(ObjectProvider<ObjectMapper> json) {
        return new ApiErrorWebExceptionHandler(json.getIfAvailable(JsonMapper::new));
    }

    /**
     * Created when something needs it (the identity filter, the gateway's minting), so that an application with the
     * check turned off and no use for identities, such as the edge simulator, starts without a secret.
     */
    @Bean
    @Lazy
    @ConditionalOnMissingBean
    InternalJwt internalJwt(@Value("${conference.identity.jwt-secret:}") String secret) {
        return new InternalJwt(secret);
    }

    @Bean
    @ConditionalOnProperty(name = "conference.identity.verify-requests", matchIfMissing = true)
    IdentityWebFilter identityWebFilter(InternalJwt jwt) {
        return new IdentityWebFilter(jwt);
    }

    @Bean
    WebFluxConfigurer identityArgumentConfigurer() {
        return new WebFluxConfigurer() {
            @Override
            public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
                configurer.addCustomResolver(new IdentityArgumentResolver());
            }
        };
    }
}
