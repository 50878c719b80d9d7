package org.conference.provisioning.callflows;

import java.util.List;
import java.util.Map;

import org.conference.common.api.ApiException;
import org.conference.common.api.ListEnvelope;
import org.conference.common.attributes.AttributeCatalog;
import org.conference.common.attributes.AttributeTemplate;
import org.conference.common.attributes.CallFlow;
import org.conference.common.identity.Identity;
import org.conference.common.query.InMemoryQueries;
import org.conference.common.query.ListQuery;
import org.conference.common.query.ResourceSchema;
import org.conference.provisioning.support.ApiPaths;
import org.conference.provisioning.support.ApiViews;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The two call flows, read-only, served from the attribute catalog with their attribute templates. */
@RestController
@RequestMapping(ApiPaths.BASE + "/callFlows")
class CallFlowController {

    static final ResourceSchema SCHEMA = ResourceSchema.builder()
            .integer("id").id()
            .string("name")
            .string("path")
            .build();

    private final AttributeCatalog catalog = AttributeCatalog.standard();
    private final ApiViews views;

    CallFlowController(ApiViews views) {
        this.views = views;
    }

    /** The Call Flow object of the reference; unset fields are left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CallFlowView(List<TemplateView> attributeTemplates, int id, String name, String path) {
    }

    /** An attribute template; {@code enumValues} only for choices and {@code value} only where there is a default. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TemplateView(String description, String enumValues, int group, String name, int type, String value) {
        static TemplateView of(AttributeTemplate template) {
            return new TemplateView(template.description(), template.enumValues(), template.group(), template.name(),
                    template.type(), template.value());
        }
    }

    @GetMapping
    ListEnvelope<Map<String, Object>> list(Identity caller, @RequestParam MultiValueMap<String, String> params) {
        ListQuery query = ListQuery.from(params, SCHEMA);
        var page = InMemoryQueries.apply(query, catalog.callFlows(),
                flow -> Map.of("id", flow.id(), "name", flow.name(), "path", flow.path()));
        return views.list("callFlows", page, this::view, query.fields());
    }

    @GetMapping("/{id}")
    Map<String, Object> get(Identity caller, @PathVariable int id, @RequestParam MultiValueMap<String, String> params) {
        CallFlow flow = catalog.callFlow(id).orElseThrow(() -> ApiException.notFound("call flow"));
        return views.object(view(flow), params);
    }

    private CallFlowView view(CallFlow flow) {
        return new CallFlowView(catalog.templates(flow).stream().map(TemplateView::of).toList(), flow.id(),
                flow.name(), flow.path());
    }
}
