package org.conference.localstack.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code java} command line and the environment of each instance, and the build output they need. */
public final class CommandLines {

    private final LauncherSettings settings;
    private final String version;

    public CommandLines(LauncherSettings settings, String version) {
        this.settings = settings;
        this.version = version;
    }

    public String version() {
        return version;
    }

    /** What must have been built for the process to start: its jar, or its class path files and directories. */
    public List<Path> artifacts(ProcessDefinition process) {
        List<Path> artifacts = new ArrayList<>();
        if (process.module() != null) {
            artifacts.add(settings.repo().resolve(process.jar(version)));
        }
        process.classpathFiles().forEach(file -> artifacts.add(settings.repo().resolve(file)));
        process.classpath().forEach(entry -> artifacts.add(settings.repo().resolve(entry)));
        return artifacts;
    }

    /** The entries of the process's class path: its own, then those its class path files list. */
    public String classpath(ProcessDefinition process) {
        List<String> entries = new ArrayList<>();
        process.classpath().forEach(entry -> entries.add(settings.repo().resolve(entry).toString()));
        for (String file : process.classpathFiles()) {
            entries.addAll(entriesOf(settings.repo().resolve(file)));
        }
        return String.join(":", entries);
    }

    public List<String> command(ProcessDefinition process, Instance instance, Placeholders.Values values,
            KafkaBroker.Configuration kafka) {
        List<String> command = new ArrayList<>();
        command.add(settings.java().toString());
        command.addAll(StackProcesses.markers(instance.name(), settings.home()));
        command.addAll(javaOpts(process));
        if (kafka != null) {
            command.addAll(kafka.jvmFlags());
        }
        if (process.module() != null) {
            command.add("-jar");
            command.add(settings.repo().resolve(process.jar(version)).toString());
        } else {
            command.add("-cp");
            command.add(classpath(process));
            command.add(process.mainClass());
        }
        process.args().forEach(arg -> command.add(Placeholders.resolve(arg, values)));
        if (kafka != null) {
            command.addAll(kafka.args());
        }
        return command;
    }

    public Map<String, String> environment(ProcessDefinition process, Placeholders.Values values) {
        Map<String, String> environment = new LinkedHashMap<>();
        process.environment().forEach((name, template) -> environment.put(name, Placeholders.resolve(template, values)));
        return environment;
    }

    private List<String> javaOpts(ProcessDefinition process) {
        String override = process.javaOptsVariable() == null ? null
                : settings.environment().get(process.javaOptsVariable());
        String opts = override == null || override.isBlank() ? process.javaOpts() : override;
        return opts.isBlank() ? List.of() : List.of(opts.strip().split("\\s+"));
    }

    /** The entries a Maven-written class path file lists. */
    public static List<String> entriesOf(Path file) {
        try {
            return Arrays.stream(Files.readString(file).strip().split(":")).filter(entry -> !entry.isBlank()).toList();
        } catch (IOException e) {
            throw new LaunchException("cannot read " + file + " (run without --no-build): " + e.getMessage());
        }
    }
}
