package org.conference.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;

/**
 * Both overlays of deploy/kubernetes, rendered by kubectl kustomize and parsed strictly into the Kubernetes API's
 * types, agree with docker-compose.yml and with what each service reads: same images, ports, probe paths and
 * environment variable names; secrets only referenced; the gateway able to reach every pod of every backend.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubernetesManifestsTest {

    static final Path REPOSITORY = Path.of(System.getProperty("deploy-check.repository", "../..")).toAbsolutePath()
            .normalize();
    static final Set<String> SECRET_VARIABLES = Set.of("CONFERENCE_INTERNAL_JWT_SECRET", "CONFERENCE_ADMIN_PASSWORD");
    static final String SIMULATOR = "edge-simulator";
    /** Dev only as well: on a real cluster a SIP/RTP edge wants hosts with public addresses (see its manifest). */
    static final String SIP_EDGE = "sip-edge";

    private final Map<String, ServiceFacts> services = ServiceFacts.load(REPOSITORY);
    private final Map<String, RenderedOverlay> rendered = new ConcurrentHashMap<>();

    RenderedOverlay overlay(String name) {
        return rendered.computeIfAbsent(name, overlay -> RenderedOverlay.render(REPOSITORY, overlay));
    }

    /** The services an overlay runs: all that compose builds, the two edges in dev only. */
    Set<String> expectedServices(String overlay) {
        Set<String> names = new LinkedHashSet<>(services.keySet());
        if (!overlay.equals("dev")) {
            names.remove(SIMULATOR);
            names.remove(SIP_EDGE);
        }
        return names;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyObjectIsOfAKnownKubernetesTypeAndNoSecretIsRendered(String name) {
        RenderedOverlay overlay = overlay(name);

        assertThat(overlay.objects()).as("typed objects").isNotEmpty();
        assertThat(overlay.customResources()).as("objects of kinds the Kubernetes API itself does not define")
                .allSatisfy(resource -> assertThat(resource.apiVersion() + " " + resource.kind())
                        .isEqualTo("keda.sh/v1alpha1 ScaledObject"));
        assertThat(overlay.all(Secret.class)).as("Secrets are created by the operator, never rendered").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void oneDeploymentAndServicePerServiceRunningComposesImage(String name) {
        RenderedOverlay overlay = overlay(name);
        Set<String> deployments = new TreeSet<>(overlay.all(Deployment.class).stream()
                .map(d -> d.getMetadata().getName()).toList());

        assertThat(deployments).isEqualTo(new TreeSet<>(expectedServices(name)));
        for (String service : expectedServices(name)) {
            Deployment deployment = overlay.deployment(service);
            assertThat(overlay.container(service).getImage()).as(service + " image")
                    .isEqualTo(services.get(service).image());
            Service kubernetesService = overlay.service(service);
            assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels()).as(service + " pod labels")
                    .containsAllEntriesOf(kubernetesService.getSpec().getSelector())
                    .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
            ServicePort port = single(kubernetesService.getSpec().getPorts(), service + " Service ports");
            assertThat(containerPort(overlay.container(service), port.getTargetPort())).as(service + " Service port")
                    .isEqualTo(port.getPort()).isEqualTo(services.get(service).defaultPort("SERVER_PORT"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void portsProbesAndScrapingAreOnTheServicesOwnPorts(String name) {
        RenderedOverlay overlay = overlay(name);
        for (String service : expectedServices(name)) {
            ServiceFacts facts = services.get(service);
            Container container = overlay.container(service);
            int api = facts.defaultPort("SERVER_PORT");
            int management = facts.defaultPort("MANAGEMENT_PORT");

            assertThat(container.getPorts()).as(service + " container ports")
                    .extracting(ContainerPort::getName, ContainerPort::getContainerPort)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("http", api),
                            org.assertj.core.groups.Tuple.tuple("management", management));
            assertThat(List.of(api, management)).as(service + " ports in compose").containsExactly(
                    Integer.valueOf(facts.composeEnvironment().get("SERVER_PORT")),
                    Integer.valueOf(facts.composeEnvironment().get("MANAGEMENT_PORT")));
            assertProbe(container, container.getLivenessProbe().getHttpGet(), "/actuator/health/liveness", management);
            assertProbe(container, container.getStartupProbe().getHttpGet(), "/actuator/health/liveness", management);
            assertProbe(container, container.getReadinessProbe().getHttpGet(), "/actuator/health/readiness",
                    management);
            assertThat(overlay.deployment(service).getSpec().getTemplate().getMetadata().getAnnotations())
                    .as(service + " Prometheus annotations")
                    .containsEntry("prometheus.io/scrape", "true")
                    .containsEntry("prometheus.io/port", String.valueOf(management))
                    .containsEntry("prometheus.io/path", "/actuator/prometheus");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void environmentIsWhatTheServiceReadsAndComposeSets(String name) {
        RenderedOverlay overlay = overlay(name);
        for (String service : expectedServices(name)) {
            ServiceFacts facts = services.get(service);
            Set<String> set = overlay.environment(service).keySet();

            assertThat(set).as(service + ": every variable the manifests set is one the service reads")
                    .allMatch(v -> facts.readVariables().containsKey(v) || ServiceFacts.JVM_VARIABLES.contains(v));
            assertThat(facts.composeEnvironment().keySet()).as(service + ": compose sets the same names")
                    .containsAll(set);
            assertThat(set).as(service + ": everything compose configures that the service reads")
                    .containsAll(facts.composeVariablesRead());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void secretsAreReferencedAndEverySettingExists(String name) {
        RenderedOverlay overlay = overlay(name);
        for (String service : expectedServices(name)) {
            for (EnvVar variable : overlay.environment(service).values()) {
                if (SECRET_VARIABLES.contains(variable.getName())) {
                    assertThat(variable.getValue()).as(service + " " + variable.getName() + " literal").isNull();
                    assertThat(variable.getValueFrom().getSecretKeyRef()).as(service + " " + variable.getName())
                            .satisfies(ref -> assertThat(ref.getName()).isEqualTo(RenderedOverlay.SECRET))
                            .satisfies(ref -> assertThat(ref.getKey()).isEqualTo(variable.getName()));
                } else if (variable.getValueFrom() != null
                        && variable.getValueFrom().getConfigMapKeyRef() != null) {
                    assertThat(variable.getValueFrom().getConfigMapKeyRef().getName())
                            .isEqualTo(overlay.settings().getMetadata().getName());
                    assertThat(overlay.setting(variable.getValueFrom().getConfigMapKeyRef().getKey())).isNotBlank();
                }
            }
        }
        assertThat(overlay.environment("gateway-service")).containsKey("CONFERENCE_INTERNAL_JWT_SECRET");
        assertThat(overlay.environment("provisioning-service")).containsKeys(SECRET_VARIABLES.toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void containersRunAsNonRootReadOnlyAndSizedByTheirMemoryLimit(String name) {
        RenderedOverlay overlay = overlay(name);
        for (String service : expectedServices(name)) {
            PodSpec pod = overlay.deployment(service).getSpec().getTemplate().getSpec();
            Container container = overlay.container(service);

            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(service + " runAsNonRoot").isTrue();
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).as(service + " read-only root")
                    .isTrue();
            assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
            Map<String, Quantity> requests = container.getResources().getRequests();
            Map<String, Quantity> limits = container.getResources().getLimits();
            assertThat(requests).as(service + " requests").containsKeys("cpu", "memory");
            assertThat(limits).as(service + " limits").containsKeys("cpu", "memory");
            assertThat(limits.get("memory").getNumericalAmount())
                    .isGreaterThanOrEqualTo(requests.get("memory").getNumericalAmount());
            String jvm = overlay.resolve(overlay.environment(service).get("JAVA_TOOL_OPTIONS"));
            assertThat(jvm).as(service + ": the heap follows the container's memory limit")
                    .contains("-XX:MaxRAMPercentage=").doesNotContain("-Xmx");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void theGatewaySeesEveryPodOfEachBackendAndTheIngressReachesTheGateway(String name) {
        RenderedOverlay overlay = overlay(name);
        Map<String, EnvVar> gateway = overlay.environment("gateway-service");
        Map<String, String> compose = services.get("gateway-service").composeEnvironment();
        for (String variable : List.of("PROVISIONING_SERVICE_URI", "MEETING_SERVICE_URI", "MEDIA_SERVICE_URI",
                "CALLBACK_SERVICE_URI")) {
            URI uri = URI.create(overlay.resolve(gateway.get(variable)));
            assertThat(uri.toString()).as(variable + " as in compose").isEqualTo(compose.get(variable));
            Service backend = overlay.service(uri.getHost());
            assertThat(backend.getSpec().getClusterIP()).as(uri.getHost() + " is headless: its name resolves to "
                    + "every ready pod, which the gateway spreads requests over").isEqualTo("None");
            assertThat(backend.getSpec().getPorts()).extracting(ServicePort::getPort).contains(uri.getPort());
        }
        assertThat(GatewayDns.jvmCacheSeconds(overlay.resolve(gateway.get("JAVA_TOOL_OPTIONS"))))
                .as("the JVM's DNS cache must not outlast the gateway's re-resolution interval")
                .isLessThanOrEqualTo(GatewayDns.refreshIntervalSeconds(REPOSITORY));

        Ingress ingress = single(overlay.all(Ingress.class), "Ingresses");
        List<HTTPIngressPath> paths = ingress.getSpec().getRules().stream()
                .flatMap(rule -> rule.getHttp().getPaths().stream()).toList();
        assertThat(paths).extracting(HTTPIngressPath::getPath).contains("/conference/v1", "/storage");
        for (HTTPIngressPath path : paths) {
            Service target = overlay.service(path.getBackend().getService().getName());
            assertThat(target.getMetadata().getName()).isEqualTo("gateway-service");
            assertThat(target.getSpec().getPorts()).extracting(ServicePort::getName)
                    .contains(path.getBackend().getService().getPort().getName());
        }
    }

    static void assertProbe(Container container, HTTPGetAction probe, String path, int managementPort) {
        assertThat(probe.getPath()).as(container.getName() + " probe path").isEqualTo(path);
        assertThat(containerPort(container, probe.getPort())).as(container.getName() + " probe port")
                .isEqualTo(managementPort);
    }

    /** A port given by number or by the name of one of the container's ports. */
    static int containerPort(Container container, IntOrString port) {
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return container.getPorts().stream().filter(p -> port.getStrVal().equals(p.getName()))
                .map(ContainerPort::getContainerPort).findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " has no port " + port.getStrVal()));
    }

    static <T> T single(List<T> items, String what) {
        assertThat(items).as(what).hasSize(1);
        return items.get(0);
    }
}
