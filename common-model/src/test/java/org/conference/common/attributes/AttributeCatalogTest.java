package org.conference.common.attributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.conference.common.api.ApiException;
import org.conference.common.api.FieldError;
import org.conference.common.events.AttributeSetting;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class AttributeCatalogTest {

    private final AttributeCatalog catalog = AttributeCatalog.standard();

    @Test
    void holdsEveryAttributeOfTheReferenceList() {
        assertThat(catalog.definitions()).hasSize(70);
        assertThat(catalog.find("call_maxduration")).get()
                .satisfies(d -> {
                    assertThat(d.type()).isEqualTo(AttributeType.INT);
                    assertThat(d.group()).isEqualTo(5);
                });
        assertThat(catalog.find("call_delay").orElseThrow().group()).isEqualTo(3);
        assertThat(catalog.find("recording_method").orElseThrow().enumValues())
                .containsExactly("remote", "remote+pin", "local", "local+pin");
        assertThat(catalog.find("no_such_attribute")).isEmpty();
    }

    @Test
    void servesTheTwoCallFlowsWithTheReferenceIds() {
        assertThat(catalog.callFlows()).extracting(CallFlow::id, CallFlow::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "SPECTEL"),
                        org.assertj.core.groups.Tuple.tuple(3, "CONF"));
        assertThat(catalog.callFlow(2)).isEmpty();
    }

    @Test
    void templatesMatchTheReferenceSampleOfTheConfCallFlow() {
        AttributeTemplate sample = catalog.templates(CallFlow.CONF).stream()
                .filter(t -> t.name().equals("call_announceparticipantcount")).findFirst().orElseThrow();
        assertThat(sample).isEqualTo(new AttributeTemplate("Announce participant count on enter", "", 5,
                "call_announceparticipantcount", 4, "hpl"));
        assertThat(catalog.templates(CallFlow.SPECTEL)).hasSize(70);
    }

    @Test
    void everyDefaultIsItselfAValidValue() {
        for (CallFlow flow : catalog.callFlows()) {
            for (AttributeDefinition d : catalog.definitions()) {
                String value = d.defaults().get(flow.id());
                if (!value.isEmpty() || d.type() == AttributeType.ROLE) {
                    assertThat(AttributeValues.check(d, value).accepted())
                            .as("%s default of %s: %s", flow.name(), d.name(), value).isTrue();
                }
            }
        }
    }

    @Test
    void noDtmfBindingOfACallFlowIsAPrefixOfAnother() {
        for (CallFlow flow : catalog.callFlows()) {
            List<String> bindings = catalog.definitions().stream()
                    .filter(d -> d.type() == AttributeType.DTMF)
                    .map(d -> d.defaults().get(flow.id())).toList();
            for (String a : bindings) {
                for (String b : bindings) {
                    assertThat(a != b && b.startsWith(a)).as("%s shadows %s in %s", a, b, flow.name()).isFalse();
                }
            }
        }
    }

    @Test
    void acceptsValuesInCanonicalStringForm() {
        List<AttributeSetting> accepted = catalog.validate(List.of(
                new AttributeInput("call_maxduration", 120),
                new AttributeInput("conference_mute_policy", "LP"),
                new AttributeInput("conference_recording", "Auto"),
                new AttributeInput("conference_maxduration", "-1"),
                new AttributeInput("conference_maxcallsperrole", "10:-1:500")), AttributeLevel.MEETING_ROOM);
        assertThat(accepted).containsExactly(
                new AttributeSetting("call_maxduration", "120"),
                new AttributeSetting("conference_mute_policy", "pl"),
                new AttributeSetting("conference_recording", "auto"),
                new AttributeSetting("conference_maxduration", "-1"),
                new AttributeSetting("conference_maxcallsperrole", "10:-1:500"));
    }

    @Test
    void refusesUnknownNamesWrongLevelsAndBadValuesAllAtOnce() {
        assertThatThrownBy(() -> catalog.validate(List.of(
                new AttributeInput("no_such_attribute", "x"),
                new AttributeInput("call_delay", 3),
                new AttributeInput("call_maxduration", "two minutes"),
                new AttributeInput("conference_recording", "sometimes")), AttributeLevel.MEETING_ROOM))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
                    assertThat(e.body().errors()).extracting(FieldError::field).containsExactly(
                            "attributes.no_such_attribute", "attributes.call_delay",
                            "attributes.call_maxduration", "attributes.conference_recording");
                    assertThat(e.body().errors().get(1).message()).contains("cannot be set on a meeting room");
                    assertThat(e.body().errors().get(3).message()).contains("on,off,auto");
                });
    }

    @Test
    void appliesTheRuleOfEachType() {
        Map<String, Object> refused = Map.of(
                "call_maxduration", 1.5,
                "conference_maxcalls", -2,
                "conference_lock_dtmf", "hh",
                "conference_qa_policy", "x",
                "conference_maxcallsperrole", "1:2",
                "conference_appspecific", List.of("not", "a", "string"));
        refused.forEach((name, value) -> assertThatThrownBy(() -> catalog.validate(
                List.of(new AttributeInput(name, value)), AttributeLevel.DID_GROUP))
                .as("%s=%s", name, value).isInstanceOf(ApiException.class));
        assertThatThrownBy(() -> catalog.validate(List.of(new AttributeInput("call_exit_dtmf_binding", "*9x")),
                AttributeLevel.DID_GROUP)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> catalog.validate(List.of(new AttributeInput("conference_exittones", null)),
                AttributeLevel.DID_GROUP)).isInstanceOf(ApiException.class);
        assertThat(catalog.validate(List.of(new AttributeInput("conference_hold_policy", "")),
                AttributeLevel.DID_GROUP)).containsExactly(new AttributeSetting("conference_hold_policy", ""));
    }

    @Test
    void refusesTheSameAttributeTwiceInOneRequest() {
        assertThatThrownBy(() -> catalog.validate(List.of(new AttributeInput("call_maxduration", 1),
                new AttributeInput("call_maxduration", 2)), AttributeLevel.MEETING_ROOM))
                .isInstanceOf(ApiException.class).hasMessage("object validation error");
    }

    @Test
    void didLevelAcceptsOnlyDidAttributes() {
        Set<String> didLevel = catalog.definitions().stream().filter(d -> d.settableAt(AttributeLevel.DID))
                .map(AttributeDefinition::name).collect(Collectors.toSet());
        assertThat(didLevel).containsExactlyInAnyOrder("call_delay", "dnis_welcomeprompt");
    }

    @Test
    void resolvesTheValueInForceFromCallFlowDidGroupDidAndRoom() {
        Map<String, String> values = catalog.effectiveValues(CallFlow.CONF,
                List.of(new AttributeSetting("call_maxduration", "600"), new AttributeSetting("call_delay", "2"),
                        new AttributeSetting("conference_start_how", "moderator")),
                List.of(new AttributeSetting("call_delay", "5")),
                List.of(new AttributeSetting("call_maxduration", "120")));
        assertThat(values).containsEntry("call_maxduration", "120")
                .containsEntry("call_delay", "5")
                .containsEntry("conference_start_how", "moderator")
                .containsEntry("conference_stop_how", "last")
                .containsEntry("call_announceparticipantcount", "hpl")
                .hasSize(70);
        assertThat(catalog.effectiveValues(CallFlow.SPECTEL, List.of(), List.of(), List.of()))
                .containsEntry("conference_start_how", "moderator");
    }

    @Test
    void ignoresAStoredValueAtALevelThatMayNotHoldIt() {
        Map<String, String> values = catalog.effectiveValues(CallFlow.CONF, List.of(), List.of(),
                List.of(new AttributeSetting("call_delay", "9")));
        assertThat(values).containsEntry("call_delay", "0");
    }
}
