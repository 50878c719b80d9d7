package org.conference.localstack.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What the launcher takes from its environment (besides the variables the topology names).
 *
 * @param repo the repository the stack's jars and class paths are in
 * @param home the {@code .local} directory: data, logs, generated configuration, pid files
 * @param bind the address every process listens on
 * @param host where the processes and the launcher reach each other (loopback for a wildcard bind)
 * @param startTimeout how long one process may take to become healthy
 * @param stopGrace how long a process may take to stop after SIGTERM before it gets SIGKILL
 * @param environment the launcher's whole environment (port variables, JVM flags, credentials)
 */
public record LauncherSettings(Path repo, Path home, Path topology, String bind, String host, Duration startTimeout,
        Duration stopGrace, Path java, Map<String, String> environment) {

    public LauncherSettings {
        environment = Map.copyOf(environment);
    }

    public static LauncherSettings from(Path repo, Map<String, String> environment) {
        Path absoluteRepo = repo.toAbsolutePath().normalize();
        Path home = pathOr(environment, "LOCAL_STACK_HOME", absoluteRepo.resolve(".local"));
        Path topology = pathOr(environment, "LOCAL_STACK_TOPOLOGY",
                absoluteRepo.resolve("infra/local-stack/topology.properties"));
        String bind = valueOr(environment, "LOCAL_STACK_BIND", "127.0.0.1");
        String host = switch (bind) {
            case "0.0.0.0", "::", "[::]" -> "127.0.0.1";
            default -> bind;
        };
        return new LauncherSettings(absoluteRepo, home, topology, bind, host,
                seconds(environment, "LOCAL_STACK_START_TIMEOUT", 180),
                seconds(environment, "LOCAL_STACK_STOP_GRACE", 30),
                Path.of(System.getProperty("java.home"), "bin", "java"), environment);
    }

    private static Path pathOr(Map<String, String> environment, String variable, Path fallback) {
        String value = environment.get(variable);
        return value == null || value.isBlank() ? fallback : Path.of(value).toAbsolutePath().normalize();
    }

    private static String valueOr(Map<String, String> environment, String variable, String fallback) {
        String value = environment.get(variable);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static Duration seconds(Map<String, String> environment, String variable, int fallback) {
        String value = valueOr(environment, variable, String.valueOf(fallback));
        try {
            int seconds = Integer.parseInt(value);
            if (seconds >= 0) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new LaunchException(variable + "=" + value + " is not a number of seconds");
    }
}
