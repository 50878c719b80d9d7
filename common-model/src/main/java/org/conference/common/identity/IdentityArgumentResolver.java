package org.conference.common.identity;

import org.conference.common.api.ApiException;
import org.springframework.core.MethodParameter;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/** Lets a controller method declare an {@link Identity} parameter and receive the verified caller. */
public class IdentityArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Identity.class.equals(parameter.getParameterType());
    }

    @Override
    public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
            ServerWebExchange exchange) {
        Identity identity = exchange.getAttribute(IdentityWebFilter.ATTRIBUTE);
        return identity == null ? Mono.error(ApiException.unauthorized()) : Mono.just(identity);
    }
}
