package org.conference.gateway.description;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.util.DigestUtils;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;

/**
 * Serves the committed OpenAPI document of the public API at {@link #PATH}, without authentication: it describes the
 * API, not anyone's data, and tools (code generators, API explorers) read it before they hold credentials. The
 * authentication filter is a gateway filter, so it only runs on routed requests; this handler answers before any
 * route is looked up (functional endpoints come before the gateway's handler mapping).
 */
@Configuration(proxyBeanMethods = false)
public class ApiDescriptionConfiguration {

    public static final String PATH = "/conference/v1/openapi.yaml";
    public static final String RESOURCE = "openapi/conference-api.yaml";
    /** RFC 9512's media type for YAML. */
    public static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    @Bean
    RouterFunction<ServerResponse> apiDescription() {
        byte[] document = read();
        String etag = "\"" + DigestUtils.md5DigestAsHex(document) + "\"";
        return RouterFunctions.route()
                .GET(PATH, request -> request.checkNotModified(etag)
                        .switchIfEmpty(Mono.defer(() -> ServerResponse.ok()
                                .contentType(YAML)
                                .eTag(etag)
                                .cacheControl(CacheControl.maxAge(5, TimeUnit.MINUTES).cachePublic())
                                .bodyValue(document))))
                .build();
    }

    /** Read once at start-up: the document is part of the build and never changes while the gateway runs. */
    private static byte[] read() {
        try (var in = new ClassPathResource(RESOURCE).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the API description " + RESOURCE + " is missing from the build", e);
        }
    }
}
