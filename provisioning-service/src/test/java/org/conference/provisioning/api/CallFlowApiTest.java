package org.conference.provisioning.api;

import org.junit.jupiter.api.Test;

class CallFlowApiTest extends ApiTestSupport {

    @Test
    void listsBothCallFlowsInTheEnvelopeOfTheReference() {
        get(root, "/callFlows?exclude_fields=attributeTemplates").expectStatus().isOk().expectBody().json("""
                {"callFlows": [{"id": 1, "name": "SPECTEL", "path": "/usr/local/DNCA/callflows/SPECTEL"},
                               {"id": 3, "name": "CONF", "path": "/usr/local/DNCA/callflows/CONF"}],
                 "last": 1, "offset": 0, "total": 2}""", org.springframework.test.json.JsonCompareMode.STRICT);
    }

    @Test
    void filtersPagesAndSortsCallFlows() {
        get(root, "/callFlows?filter=name eq CONF&include_fields=id").expectStatus().isOk().expectBody().json("""
                {"callFlows": [{"id": 3}], "last": 0, "offset": 0, "total": 1}""",
                org.springframework.test.json.JsonCompareMode.STRICT);
        get(root, "/callFlows?order=name desc&limit=1&offset=1&include_fields=name").expectStatus().isOk()
                .expectBody().jsonPath("$.callFlows[0].name").isEqualTo("CONF").jsonPath("$.total").isEqualTo(2);
    }

    @Test
    void servesOneCallFlowWithItsAttributeTemplates() {
        get(root, "/callFlows/3").expectStatus().isOk().expectBody()
                .jsonPath("$.name").isEqualTo("CONF")
                .jsonPath("$.attributeTemplates.length()").isEqualTo(70)
                .jsonPath("$.attributeTemplates[?(@.name == 'call_announceparticipantcount')].value").isEqualTo("hpl")
                .jsonPath("$.attributeTemplates[?(@.name == 'call_announceparticipantcount')].group").isEqualTo(5)
                .jsonPath("$.attributeTemplates[?(@.name == 'call_announceparticipantcount')].type").isEqualTo(4);
        get(root, "/callFlows/1?exclude_fields=attributeTemplates").expectStatus().isOk().expectBody().json("""
                {"id": 1, "name": "SPECTEL", "path": "/usr/local/DNCA/callflows/SPECTEL"}""",
                org.springframework.test.json.JsonCompareMode.STRICT);
    }

    @Test
    void answersUnknownCallFlowsAndBadQueriesInTheApiFormat() {
        get(root, "/callFlows/2").expectStatus().isNotFound().expectBody()
                .jsonPath("$.errors[0].message").isEqualTo("cannot find call flow");
        get(root, "/callFlows?filter=name zz CONF").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("filter");
        get(root, "/callFlows?limit=1001").expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("limit");
    }
}
