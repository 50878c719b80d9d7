package org.conference.deploycheck;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.conference.deploycheck.StrictKubernetesParser.CustomResource;
import org.conference.deploycheck.StrictKubernetesParser.Parsed;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/** One overlay of deploy/kubernetes, rendered and parsed strictly, with the look-ups the checks need. */
record RenderedOverlay(String name, List<HasMetadata> objects, List<CustomResource> customResources) {

    static final String CONFIG_MAP = "conference-config";
    static final String SECRET = "conference-secrets";

    static RenderedOverlay render(Path repository, String overlay) {
        String yaml = Kustomize.render(repository.resolve("deploy/kubernetes/overlays").resolve(overlay));
        Parsed parsed = new StrictKubernetesParser().parse(yaml);
        return new RenderedOverlay(overlay, parsed.objects(), parsed.customResources());
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String objectName) {
        return all(type).stream().filter(o -> o.getMetadata().getName().equals(objectName)).findFirst();
    }

    <T extends HasMetadata> T get(Class<T> type, String objectName) {
        return find(type, objectName).orElseThrow(() -> new AssertionError(
                name + ": no " + type.getSimpleName() + " " + objectName + " is rendered"));
    }

    Deployment deployment(String objectName) {
        return get(Deployment.class, objectName);
    }

    Service service(String objectName) {
        return get(Service.class, objectName);
    }

    /** The one container of a service's Deployment (the pods run nothing beside it). */
    Container container(String deploymentName) {
        List<Container> containers = deployment(deploymentName).getSpec().getTemplate().getSpec().getContainers();
        if (containers.size() != 1) {
            throw new AssertionError(name + ": " + deploymentName + " has " + containers.size() + " containers");
        }
        return containers.get(0);
    }

    Map<String, EnvVar> environment(String deploymentName) {
        return container(deploymentName).getEnv().stream()
                .collect(java.util.stream.Collectors.toMap(EnvVar::getName, e -> e, (a, b) -> {
                    throw new AssertionError(name + ": " + deploymentName + " sets " + a.getName() + " twice");
                }, java.util.LinkedHashMap::new));
    }

    /** The settings ConfigMap; kustomize's generator renames it with a content hash. */
    ConfigMap settings() {
        List<ConfigMap> maps = all(ConfigMap.class).stream()
                .filter(map -> map.getMetadata().getName().startsWith(CONFIG_MAP + "-")).toList();
        if (maps.size() != 1) {
            throw new AssertionError(name + ": expected one generated " + CONFIG_MAP + ", found " + maps.size());
        }
        return maps.get(0);
    }

    String setting(String key) {
        String value = settings().getData().get(key);
        if (value == null) {
            throw new AssertionError(name + ": " + CONFIG_MAP + " has no " + key);
        }
        return value;
    }

    /** What a container's variable resolves to: its literal value, or the ConfigMap entry it refers to. */
    String resolve(EnvVar variable) {
        if (variable.getValueFrom() == null) {
            return variable.getValue();
        }
        if (variable.getValueFrom().getConfigMapKeyRef() != null) {
            return setting(variable.getValueFrom().getConfigMapKeyRef().getKey());
        }
        throw new AssertionError(name + ": " + variable.getName() + " is not a literal or a ConfigMap entry");
    }

    List<CustomResource> custom(String kind) {
        return customResources.stream().filter(resource -> resource.kind().equals(kind)).toList();
    }
}
