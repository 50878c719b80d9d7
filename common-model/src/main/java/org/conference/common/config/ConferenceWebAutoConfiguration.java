package org.conference.common.config;

import org.conference.common.api.ApiErrorWebExceptionHandler;
import org.conference.common.api.DecoderFailureBodies;
import org.conference.common.api.KeepAliveReads;
import org.conference.common.identity.IdentityArgumentResolver;
import org.conference.common.identity.IdentityWebFilter;
import org.conference.common.identity.InternalJwt;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.annotation.Order;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;

import reactor.netty.NettyPipeline;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every service gets by depending on common-model: the API error format (from Spring and from Reactor Netty
 * itself), keep-alive connections that keep being read, and the identity check. The gateway mints identities instead of checking them and turns the check off with
 * {@code conference.identity.verify-requests=false}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class ConferenceWebAutoConfiguration {

    @Bean
    @Order(-2)
    @ConditionalOnMissingBean
    ApiErrorWebExceptionHandler apiErrorWebExceptionHandler(ObjectProvider<ObjectMapper> json,
            @Value("${spring.http.codecs.max-in-memory-size:256KB}") DataSize codecBufferLimit) {
        return new ApiErrorWebExceptionHandler(json.getIfAvailable(JsonMapper::new), codecBufferLimit.toBytes());
    }

    /** The same limits Boot gives Reactor Netty's decoder, so that its refusals can name them. */
    @Bean
    @ConditionalOnMissingBean
    DecoderFailureBodies decoderFailureBodies(ObjectProvider<ObjectMapper> json,
            @Value("${server.netty.max-initial-line-length:4KB}") DataSize maxRequestLine,
            @Value("${server.max-http-request-header-size:8KB}") DataSize maxHeaders) {
        return new DecoderFailureBodies(json.getIfAvailable(JsonMapper::new), maxRequestLine.toBytes(),
                maxHeaders.toBytes());
    }

    @Bean
    NettyServerCustomizer decoderFailureBodiesCustomizer(DecoderFailureBodies bodies) {
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
            // HTTP/1.1 connections only: an h2c or HTTP/2 pipeline has no HttpCodec and refuses in frames.
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, DecoderFailureBodies.HANDLER_NAME,
                        bodies.newHandler());
            }
        });
    }

    /** See {@link KeepAliveReads}: without it, a keep-alive connection can stop being read after a quick answer. */
    @Bean
    NettyServerCustomizer keepAliveReadsCustomizer() {
        KeepAliveReads keepAliveReads = new KeepAliveReads();
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, KeepAliveReads.HANDLER_NAME, keepAliveReads);
            }
        });
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
