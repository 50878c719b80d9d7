package org.conference.gateway.auth;

import java.util.List;

import org.conference.common.events.TopicDeclarations;
import org.conference.common.events.Topics;
import org.conference.common.identity.InternalJwt;
import org.conference.gateway.throttling.FailureThrottle;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.loadbalancer.reactive.LoadBalancedExchangeFilterFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.web.reactive.function.client.WebClient;

import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthProperties.class)
class AuthConfiguration {

    /** Load-balanced like the routes: {@code http://provisioning-service} goes to one of its instances. */
    @Bean
    AuthenticationClient authenticationClient(AuthProperties properties, InternalJwt jwt,
            LoadBalancedExchangeFilterFunction loadBalancing) {
        HttpClient netty = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.connectTimeout().toMillis())
                .responseTimeout(properties.responseTimeout());
        WebClient http = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(netty))
                .filter(loadBalancing)
                .build();
        return new AuthenticationClient(http, "http://" + properties.serviceId(), jwt, properties.responseTimeout());
    }

    @Bean
    Authenticator authenticator(AuthProperties properties, AuthenticationClient client) {
        return new Authenticator(new CredentialCache(properties.cacheTtl(), properties.cacheSize()), client);
    }

    @Bean
    AuthenticationFilter authenticationFilter(Authenticator authenticator, FailureThrottle throttle) {
        return new AuthenticationFilter(authenticator, throttle);
    }

    @Bean
    SubscriberChangeListener subscriberChangeListener(Authenticator authenticator) {
        return new SubscriberChangeListener(authenticator);
    }

    /** The gateway consumes the subscriber topic: declare it (and its dead-letter topic) with the owner's settings. */
    @Bean
    KafkaAdmin.NewTopics gatewayTopics(TopicDeclarations declarations) {
        return declarations.declare(List.of(), List.of(Topics.SUBSCRIBERS));
    }
}
