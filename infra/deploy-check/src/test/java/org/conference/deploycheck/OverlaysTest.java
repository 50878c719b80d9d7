package org.conference.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.conference.deploycheck.StrictKubernetesParser.CustomResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/** What makes each overlay what it is: dev is self-contained and small, production scales against external stores. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverlaysTest {

    static final Path REPOSITORY = KubernetesManifestsTest.REPOSITORY;
    static final Set<String> CPU_SCALED = Set.of("gateway-service", "provisioning-service", "media-service");
    static final Set<String> LAG_SCALED = Set.of("meeting-service", "callback-service");
    private static final Pattern GROUP_ID = Pattern.compile("groupId\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern PLACEHOLDER_DEFAULT = Pattern.compile("\\$\\{[^:}]+:([^}]*)}");

    private RenderedOverlay dev;
    private RenderedOverlay production;

    RenderedOverlay dev() {
        return dev != null ? dev : (dev = RenderedOverlay.render(REPOSITORY, "dev"));
    }

    RenderedOverlay production() {
        return production != null ? production : (production = RenderedOverlay.render(REPOSITORY, "production"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void devRunsOneReplicaOfEachBesideItsOwnKafkaMongoAndSimulator() {
        RenderedOverlay overlay = dev();
        Map<String, Map<String, Object>> compose = (Map<String, Map<String, Object>>) new Yaml()
                .<Map<String, Object>>load(ServiceFacts.read(REPOSITORY.resolve("docker-compose.yml"))).get("services");

        assertThat(overlay.all(Deployment.class)).allSatisfy(d -> assertThat(d.getSpec().getReplicas())
                .as(d.getMetadata().getName() + " replicas").isEqualTo(1));
        for (String store : List.of("kafka", "mongo")) {
            StatefulSet set = overlay.get(StatefulSet.class, store);
            assertThat(set.getSpec().getReplicas()).isEqualTo(1);
            assertThat(set.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).as(store + " image")
                    .isEqualTo(compose.get(store).get("image"));
        }
        assertThat(overlay.get(StatefulSet.class, "kafka").getSpec().getTemplate().getSpec().getContainers().get(0)
                .getEnv()).extracting(EnvVar::getName).as("the broker configured as compose's")
                .containsExactlyInAnyOrderElementsOf(((Map<String, Object>) compose.get("kafka").get("environment"))
                        .keySet());

        assertReachable(overlay, "kafka", URI.create("kafka://" + overlay.setting("KAFKA_BOOTSTRAP_SERVERS")));
        assertReachable(overlay, "mongo", URI.create(overlay.setting("MONGODB_URI")));
        URI simulator = URI.create(overlay.resolve(overlay.environment("edge-simulator").get("SIMULATOR_PUBLIC_BASE_URL")));
        assertReachable(overlay, "edge-simulator", simulator);
        URI sipEdge = URI.create(overlay.resolve(overlay.environment("sip-edge").get("SIP_EDGE_PUBLIC_BASE_URL")));
        assertReachable(overlay, "sip-edge", sipEdge);
        assertThat(overlay.setting("CONFERENCE_MEDIA_EDGE_BASE_URLS")).as("media-service fetches from the two edges")
                .isEqualTo(simulator + "," + sipEdge);
        assertThat(overlay.all(HorizontalPodAutoscaler.class)).isEmpty();
        assertThat(overlay.customResources()).isEmpty();
    }

    @Test
    void productionRunsSeveralReplicasAgainstExternalStores() {
        RenderedOverlay overlay = production();

        assertThat(overlay.all(Deployment.class)).allSatisfy(d -> assertThat(d.getSpec().getReplicas())
                .as(d.getMetadata().getName() + " replicas").isGreaterThanOrEqualTo(2));
        assertThat(overlay.all(StatefulSet.class)).as("no in-cluster Kafka or MongoDB").isEmpty();
        assertThat(overlay.find(Deployment.class, KubernetesManifestsTest.SIMULATOR)).isEmpty();
        assertThat(overlay.find(Deployment.class, KubernetesManifestsTest.SIP_EDGE)).isEmpty();
        assertThat(overlay.setting("CONFERENCE_KAFKA_REPLICATION_FACTOR")).isEqualTo("3");
        assertThat(overlay.setting("KAFKA_BOOTSTRAP_SERVERS").split(",")).as("brokers").hasSizeGreaterThanOrEqualTo(3);
        for (String service : List.of("provisioning-service", "meeting-service", "media-service", "callback-service")) {
            EnvVar uri = overlay.environment(service).get("MONGODB_URI");
            assertThat(uri.getValueFrom().getConfigMapKeyRef()).as(service + " MONGODB_URI not from the ConfigMap")
                    .isNull();
            assertThat(uri.getValueFrom().getSecretKeyRef().getName()).isEqualTo(RenderedOverlay.SECRET);
            assertThat(uri.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("MONGODB_URI");
        }
        assertThat(overlay.settings().getData()).doesNotContainKey("MONGODB_URI");
        Set<String> budgeted = new LinkedHashSet<>();
        overlay.all(PodDisruptionBudget.class).forEach(b -> budgeted.add(b.getSpec().getSelector().getMatchLabels()
                .get("app.kubernetes.io/name")));
        assertThat(budgeted).containsExactlyInAnyOrderElementsOf(Set.of("gateway-service", "provisioning-service",
                "meeting-service", "media-service", "callback-service"));
        Ingress ingress = overlay.get(Ingress.class, "gateway-service");
        assertThat(ingress.getSpec().getTls()).singleElement().satisfies(tls -> assertThat(tls.getHosts())
                .containsExactly(ingress.getSpec().getRules().get(0).getHost()));
    }

    @Test
    void productionScalesStatelessServicesOnCpuOnly() {
        RenderedOverlay overlay = production();
        List<HorizontalPodAutoscaler> autoscalers = overlay.all(HorizontalPodAutoscaler.class);

        assertThat(autoscalers).extracting(a -> a.getSpec().getScaleTargetRef().getName())
                .containsExactlyInAnyOrderElementsOf(CPU_SCALED);
        for (HorizontalPodAutoscaler autoscaler : autoscalers) {
            String target = autoscaler.getSpec().getScaleTargetRef().getName();
            assertThat(autoscaler.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
            assertThat(overlay.deployment(target).getSpec().getReplicas())
                    .isEqualTo(autoscaler.getSpec().getMinReplicas());
            assertThat(autoscaler.getSpec().getMaxReplicas()).isGreaterThan(autoscaler.getSpec().getMinReplicas());
            assertThat(autoscaler.getSpec().getMetrics()).singleElement().satisfies(metric -> {
                assertThat(metric.getResource().getName()).isEqualTo("cpu");
                assertThat(metric.getResource().getTarget().getType()).isEqualTo("Utilization");
            });
        }
    }

    @Test
    void productionScalesTheKafkaConsumersOnLagUpToThePartitionCount() {
        RenderedOverlay overlay = production();
        List<CustomResource> scaled = overlay.custom("ScaledObject");
        int partitions = Integer.parseInt(overlay.setting("CONFERENCE_KAFKA_PARTITIONS"));

        assertThat(scaled).extracting(r -> r.tree().path("spec").path("scaleTargetRef").path("name").asText())
                .containsExactlyInAnyOrderElementsOf(LAG_SCALED);
        for (CustomResource resource : scaled) {
            JsonNode spec = resource.tree().path("spec");
            String target = spec.path("scaleTargetRef").path("name").asText();
            assertThat(resource.apiVersion()).isEqualTo("keda.sh/v1alpha1");
            assertThat(spec.path("maxReplicaCount").asInt()).as(target + ": a consumer beyond the partition count "
                    + "owns no partition").isEqualTo(partitions);
            assertThat(spec.path("minReplicaCount").asInt()).isBetween(1, partitions)
                    .isEqualTo(overlay.deployment(target).getSpec().getReplicas());
            List<JsonNode> kafka = StreamSupport.stream(spec.path("triggers").spliterator(), false)
                    .filter(trigger -> trigger.path("type").asText().equals("kafka")).toList();
            assertThat(kafka).as(target + " kafka triggers").isNotEmpty();
            for (JsonNode trigger : kafka) {
                JsonNode metadata = trigger.path("metadata");
                assertThat(overlay.environment(target)).containsKey(metadata.path("bootstrapServersFromEnv").asText());
                assertThat(sourcesMention(List.of("common-model", target), '"' + metadata.path("topic").asText() + '"'))
                        .as(target + " topic " + metadata.path("topic").asText()).isTrue();
                assertThat(consumerGroups(target)).contains(metadata.path("consumerGroup").asText());
                assertThat(Integer.parseInt(metadata.path("lagThreshold").asText())).isPositive();
            }
        }
        assertThat(overlay.all(HorizontalPodAutoscaler.class)).as("KEDA owns the autoscaler of its targets")
                .noneMatch(a -> LAG_SCALED.contains(a.getSpec().getScaleTargetRef().getName()));
    }

    /** The host and port of {@code uri} are a Service of the overlay, and that port is one it serves. */
    static void assertReachable(RenderedOverlay overlay, String service, URI uri) {
        Service target = overlay.service(uri.getHost());
        assertThat(target.getMetadata().getName()).isEqualTo(service);
        assertThat(target.getSpec().getPorts()).extracting(p -> p.getPort()).contains(uri.getPort());
    }

    /** The consumer groups the module's listeners join, placeholders resolved to their defaults. */
    static Set<String> consumerGroups(String module) {
        Set<String> groups = new LinkedHashSet<>();
        forEachSource(module, text -> {
            Matcher matcher = GROUP_ID.matcher(text);
            while (matcher.find()) {
                groups.add(PLACEHOLDER_DEFAULT.matcher(matcher.group(1)).replaceAll("$1"));
            }
        });
        return groups;
    }

    static boolean sourcesMention(List<String> modules, String literal) {
        boolean[] found = {false};
        modules.forEach(module -> forEachSource(module, text -> found[0] |= text.contains(literal)));
        return found[0];
    }

    private static void forEachSource(String module, java.util.function.Consumer<String> action) {
        try (Stream<Path> files = Files.walk(REPOSITORY.resolve(module).resolve("src/main/java"))) {
            files.filter(f -> f.toString().endsWith(".java")).map(ServiceFacts::read).forEach(action);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
