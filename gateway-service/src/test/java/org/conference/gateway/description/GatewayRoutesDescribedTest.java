package org.conference.gateway.description;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.conference.gateway.GatewayTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.util.pattern.PathPatternParser;

import reactor.core.publisher.Mono;

/**
 * The document and the routes the gateway really loaded describe the same API: every documented operation is
 * routed (its request satisfies some route's predicates, methods included), and every path pattern of every route
 * is the path of some documented operation.
 */
class GatewayRoutesDescribedTest extends GatewayTestBase {

    @Autowired
    private RouteLocator routeLocator;

    @Autowired
    private RouteDefinitionLocator definitionLocator;

    @Test
    void everyDocumentedOperationIsRoutedToAService() {
        List<Route> routes = routeLocator.getRoutes().collectList().block();
        assertThat(routes).extracting(Route::getId)
                .contains("media-files", "media-storage", "provisioning", "meeting", "callback");
        List<String> unrouted = new ArrayList<>();
        for (var operation : DescribedOperations.all()) {
            boolean routed = !routesFor(routes, operation).isEmpty();
            if (operation.servedByGateway() == routed) {
                unrouted.add(operation + (routed ? " is routed although the gateway serves it" : " is not routed"));
            }
        }
        assertThat(unrouted).isEmpty();
    }

    @Test
    void theFilesPathsGoToMediaServiceNotToProvisioning() {
        List<Route> routes = routeLocator.getRoutes().collectList().block();
        for (var operation : DescribedOperations.all()) {
            if (operation.path().contains("/files") || operation.path().startsWith("/storage/")) {
                assertThat(routesFor(routes, operation).get(0).getId()).as("%s", operation).startsWith("media-");
            }
        }
    }

    @Test
    void everyPathPatternOfEveryRouteIsDocumented() {
        List<RouteDefinition> definitions = definitionLocator.getRouteDefinitions().collectList().block();
        List<String> undocumented = new ArrayList<>();
        int patterns = 0;
        for (RouteDefinition definition : definitions) {
            for (PredicateDefinition predicate : definition.getPredicates()) {
                if (!predicate.getName().equals("Path")) {
                    continue;
                }
                for (String pattern : predicate.getArgs().values()) {
                    patterns++;
                    var parsed = PathPatternParser.defaultInstance.parse(pattern);
                    boolean documented = DescribedOperations.all().stream()
                            .anyMatch(op -> parsed.matches(PathContainer.parsePath(op.concretePath())));
                    if (!documented) {
                        undocumented.add(definition.getId() + ": " + pattern);
                    }
                }
            }
        }
        assertThat(patterns).isGreaterThanOrEqualTo(10);
        assertThat(undocumented).isEmpty();
    }

    /** The routes whose predicates accept the operation's request, in the gateway's order. */
    private static List<Route> routesFor(List<Route> routes, DescribedOperations.Operation operation) {
        List<Route> matching = new ArrayList<>();
        for (Route route : routes) {
            var request = MockServerHttpRequest.method(HttpMethod.valueOf(operation.method().toUpperCase()),
                    operation.concretePath()).build();
            if (Boolean.TRUE.equals(Mono.from(route.getPredicate().apply(MockServerWebExchange.from(request)))
                    .block())) {
                matching.add(route);
            }
        }
        return matching;
    }
}
