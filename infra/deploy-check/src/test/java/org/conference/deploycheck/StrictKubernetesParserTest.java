package org.conference.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.conference.deploycheck.StrictKubernetesParser.InvalidManifestException;
import org.conference.deploycheck.StrictKubernetesParser.Parsed;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/** The validator itself: what it must refuse, since a lenient one would let a broken manifest through. */
class StrictKubernetesParserTest {

    private final StrictKubernetesParser parser = new StrictKubernetesParser();

    private static String deployment(String containerLines) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: media-service
                spec:
                  selector:
                    matchLabels:
                      app: media
                  template:
                    metadata:
                      labels:
                        app: media
                    spec:
                      containers:
                        - name: media-service
                          image: conference/media-service:local
                """ + containerLines.indent(10);
    }

    @Test
    void parsesEveryDocumentIntoItsKubernetesType() {
        Parsed parsed = parser.parse(deployment("""
                ports:
                  - name: http
                    containerPort: 8083
                """) + """
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: media-service
                spec:
                  clusterIP: None
                  ports:
                    - port: 8083
                      targetPort: http
                """);

        assertThat(parsed.objects()).hasSize(2);
        assertThat(parsed.objects().get(0)).isInstanceOfSatisfying(Deployment.class, d -> assertThat(
                d.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts().get(0).getContainerPort())
                .isEqualTo(8083));
        assertThat(parsed.objects().get(1)).isInstanceOfSatisfying(Service.class,
                s -> assertThat(s.getSpec().getClusterIP()).isEqualTo("None"));
        assertThat(parsed.customResources()).isEmpty();
    }

    @Test
    void refusesAFieldTheApiDoesNotHave() {
        assertThatThrownBy(() -> parser.parse(deployment("""
                readinesProbe:
                  httpGet:
                    path: /actuator/health/readiness
                    port: management
                """)))
                .isInstanceOf(InvalidManifestException.class)
                .hasMessageContaining("Deployment/media-service")
                .hasMessageContaining("unknown field(s) [readinesProbe]");
    }

    @Test
    void refusesAValueOfTheWrongType() {
        assertThatThrownBy(() -> parser.parse(deployment("""
                ports:
                  - name: http
                    containerPort: "8083"
                """)))
                .isInstanceOf(InvalidManifestException.class)
                .hasMessageContaining(".spec.template.spec.containers[0].ports[0].containerPort");
    }

    @Test
    void refusesAMisspelledFieldOfANestedObject() {
        assertThatThrownBy(() -> parser.parse(deployment("""
                resources:
                  limit:
                    memory: 512Mi
                """)))
                .isInstanceOf(InvalidManifestException.class)
                .hasMessageContaining("unknown field(s) [limit]");
    }

    @Test
    void keepsAKindTheCoreApiDoesNotDefineForItsOwnChecks() {
        Parsed parsed = parser.parse("""
                apiVersion: keda.sh/v1alpha1
                kind: ScaledObject
                metadata:
                  name: meeting-service
                spec:
                  maxReplicaCount: 6
                """);

        assertThat(parsed.objects()).isEmpty();
        assertThat(parsed.customResources()).singleElement().satisfies(resource -> {
            assertThat(resource.kind()).isEqualTo("ScaledObject");
            assertThat(resource.tree().path("spec").path("maxReplicaCount").asInt()).isEqualTo(6);
        });
    }
}
