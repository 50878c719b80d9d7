package org.conference.localstack.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The local stack's launcher, started by {@code infra/local-stack/run.sh} (which passes the repository as the system
 * property {@code conference.localstack.repo}). It needs nothing but the JDK, so it runs before anything is built.
 */
public final class Launcher {

    public static final String REPO_PROPERTY = "conference.localstack.repo";

    private final Path repo;
    private final Map<String, String> environment;
    private final Console console;

    public Launcher(Path repo, Map<String, String> environment, Console console) {
        this.repo = repo;
        this.environment = Map.copyOf(environment);
        this.console = console;
    }

    public static void main(String[] args) {
        String repo = System.getProperty(REPO_PROPERTY);
        if (repo == null) {
            System.err.println("start the launcher with infra/local-stack/run.sh (-D" + REPO_PROPERTY + " is missing)");
            System.exit(2);
        }
        Instant started = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        Console console = new Console(System.out, System.err, () -> Duration.between(started, Instant.now()),
                System.console() != null);
        System.exit(new Launcher(Path.of(repo), System.getenv(), console).run(List.of(args)));
    }

    public int run(List<String> args) {
        try {
            LaunchOptions options = LaunchOptions.parse(args);
            if (options.mode() == LaunchOptions.Mode.HELP) {
                console.line(usage());
                return 0;
            }
            LauncherSettings settings = LauncherSettings.from(repo, environment);
            StackHome home = new StackHome(settings.home(), settings.repo());
            return switch (options.mode()) {
                case STATUS -> new StatusCommand(home, console).run();
                case STOP -> new StopCommand(home, console, settings.stopGrace()).run();
                default -> new StartCommand(settings, options, home, console).run();
            };
        } catch (LaunchException e) {
            console.fail(e.getMessage());
            if (e.exitStatus() == 2) {
                console.explain("\n" + usage());
            }
            return e.exitStatus();
        }
    }

    static String usage() {
        try (InputStream in = Launcher.class.getResourceAsStream("usage.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).stripTrailing();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
