package org.conference.common.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.conference.common.identity.Identity;
import org.conference.common.identity.InternalJwt;
import org.conference.common.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@WebFluxTest(controllers = ProbeController.class,
        properties = "conference.identity.jwt-secret=0123456789abcdef0123456789abcdef")
class ApiErrorWebExceptionHandlerTest {

    @Autowired
    private WebTestClient http;

    @Autowired
    private InternalJwt jwt;

    private String identity() {
        return jwt.mint(new Identity("sid-1", Role.USER, List.of("root", "sid-1")));
    }

    @Test
    void malformedJsonIsTheReferenceBodyWithNullErrors() {
        http.post().uri("/probes").header(InternalJwt.HEADER, identity())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\": ")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().json("{\"message\": \"cannot parse json. Check json for validity\", \"errors\": null}",
                        org.springframework.test.json.JsonCompareMode.STRICT);
    }

    @Test
    void beanValidationFailuresAre422NamingTheJsonFieldsInDottedFormSortedByField() {
        http.post().uri("/assemblies").header(InternalJwt.HEADER, identity())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"long name\", \"target\": {\"url\": \" \"}, \"parts\": [{\"code\": \"1\"}, {\"code\": \"x\"}]}")
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.message").isEqualTo("object validation error")
                .jsonPath("$.errors.length()").isEqualTo(3)
                .jsonPath("$.errors[0].field").isEqualTo("name")
                .jsonPath("$.errors[0].message").isEqualTo("name must be at most 3 characters")
                .jsonPath("$.errors[1].field").isEqualTo("parts.code")
                .jsonPath("$.errors[1].message").isEqualTo("parts.code must be digits")
                .jsonPath("$.errors[2].field").isEqualTo("target.url");
    }

    @Test
    void aValueOfTheWrongJsonTypeIs422NamingTheField() {
        http.post().uri("/probes").header(InternalJwt.HEADER, identity())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\": \"x\", \"size\": \"large\"}")
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("size")
                .jsonPath("$.errors[0].message").isEqualTo("size must be an integer");
        http.post().uri("/assemblies").header(InternalJwt.HEADER, identity())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"target\": {\"url\": [1]}}")
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("target.url")
                .jsonPath("$.errors[0].message").isEqualTo("target.url must be a string");
    }

    @Test
    void unsupportedContentTypeIs415() {
        http.post().uri("/probes").header(InternalJwt.HEADER, identity())
                .contentType(MediaType.TEXT_PLAIN).bodyValue("name=x")
                .exchange()
                .expectStatus().isEqualTo(415)
                .expectBody().jsonPath("$.message").isEqualTo("unsupported media type");
    }

    @Test
    void validationFailuresAre422WithOneEntryPerField() {
        http.post().uri("/probes").header(InternalJwt.HEADER, identity())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\": \"x\", \"size\": -1}")
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("size")
                .jsonPath("$.errors[0].reference_sid").doesNotExist();
    }

    @Test
    void unknownObjectIsNoItemError() {
        http.get().uri("/probes/42").header(InternalJwt.HEADER, identity())
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().json("""
                        {"message": "no item error",
                         "errors": [{"field": null, "message": "cannot find probe", "reference_sid": null}]}""",
                        org.springframework.test.json.JsonCompareMode.STRICT);
    }

    @Test
    void conflictNamesTheConflictingObject() {
        http.get().uri("/probes/conflict").header(InternalJwt.HEADER, identity())
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.errors[0].reference_sid").isEqualTo("273751");
    }

    @Test
    void unexpectedFailuresHideTheirDetailsButCarryACorrelationId() {
        String body = http.get().uri("/probes/boom").header(InternalJwt.HEADER, identity())
                .header(ApiErrorWebExceptionHandler.REQUEST_ID_HEADER, "req-123")
                .exchange()
                .expectStatus().is5xxServerError()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).contains("internal server error").contains("req-123").doesNotContain("secret internals");
    }

    @Test
    void missingIdentityIs401WithTheReferenceBodyAndAChallenge() {
        http.get().uri("/probes/me")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Basic.*")
                .expectBody().json("""
                        {"message": "authentication required",
                         "errors": [{"field": "cause", "message": "authentication required", "reference_sid": null}]}""",
                        org.springframework.test.json.JsonCompareMode.STRICT);
    }

    @Test
    void handlersReceiveTheVerifiedCaller() {
        http.get().uri("/probes/me").header(InternalJwt.HEADER, identity())
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.sid").isEqualTo("sid-1")
                .jsonPath("$.lineage[0]").isEqualTo("root");
    }

    @Test
    void listsUseTheConferenceEnvelope() {
        http.get().uri("/probes").header(InternalJwt.HEADER, identity())
                .exchange()
                .expectStatus().isOk()
                .expectBody().json("""
                        {"probes": [{"name": "a", "size": 1}, {"name": "b", "size": 2}],
                         "last": 5, "offset": 4, "total": 12}""",
                        org.springframework.test.json.JsonCompareMode.STRICT);
    }
}
