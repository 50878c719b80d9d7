package org.conference.edge.media;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.conference.edge.media.engine.MediaEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audio engine as the one {@link Media} of the edge; closed with the context (sockets, threads, recordings). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MediaProperties.class)
public class MediaConfiguration {

    @Bean(destroyMethod = "close")
    public Media media(MediaProperties settings, ObjectProvider<MeterRegistry> registry) {
        return new MediaEngine(settings, registry.getIfAvailable(SimpleMeterRegistry::new));
    }
}
