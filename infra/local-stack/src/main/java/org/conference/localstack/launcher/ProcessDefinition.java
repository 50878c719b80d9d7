package org.conference.localstack.launcher;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One process of the topology (see topology.properties for what each field means).
 *
 * @param module a service's Maven module (it runs the module's jar), or null when {@code mainClass} is given
 * @param javaOptsVariable the environment variable whose value replaces {@code javaOpts}, or null
 * @param environment variables added to the launcher's own, with unresolved placeholders
 * @param entryPath where a person starts on this process, or null
 * @param classifier the classifier of the module's runnable jar ({@code exec}: {@code <name>-<version>-exec.jar}),
 *     or null
 * @param edge the {@code --edge} choice this process is ({@code simulator}, {@code sip}), or null when it is no edge
 */
public record ProcessDefinition(String name, ProcessKind kind, int wave, boolean optional, String module,
        String mainClass, List<String> classpath, List<String> classpathFiles, List<String> args,
        Map<PortRole, PortDefinition> ports, String javaOpts, String javaOptsVariable,
        Map<String, String> environment, String entryPath, String classifier, String edge) {

    public ProcessDefinition {
        classpath = List.copyOf(classpath);
        classpathFiles = List.copyOf(classpathFiles);
        args = List.copyOf(args);
        ports = Map.copyOf(ports);
        environment = Map.copyOf(environment);
    }

    public PortDefinition port(PortRole role) {
        return Optional.ofNullable(ports.get(role))
                .orElseThrow(() -> new IllegalStateException(name + " has no " + role.key()));
    }

    /**
     * The jar a module builds, by Maven's default name: {@code <module>/target/<last path segment>-<version>.jar},
     * with {@code -<classifier>} before {@code .jar} when the runnable jar has one.
     */
    public String jar(String version) {
        String artifact = module.substring(module.lastIndexOf('/') + 1);
        return module + "/target/" + artifact + "-" + version + (classifier == null ? "" : "-" + classifier) + ".jar";
    }
}
