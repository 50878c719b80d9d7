package org.conference.localstack.launcher;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line of the launcher.
 *
 * @param build whether to build what is out of date before starting ({@code --no-build} turns it off)
 * @param infraOnly only Kafka and MongoDB ({@code --infra-only})
 * @param scale instances per service where more than one is wanted ({@code --scale SERVICE=N})
 * @param edge which edge takes the calls ({@code --edge simulator|sip|both}, the simulator by default)
 */
public record LaunchOptions(Mode mode, boolean build, boolean infraOnly, Map<String, Integer> scale,
        EdgeChoice edge) {

    /** What the launcher is asked to do. */
    public enum Mode {
        START, STATUS, STOP, HELP
    }

    private static final Pattern SCALE = Pattern.compile("([a-z][a-z0-9-]*)=([0-9]{1,3})");

    public LaunchOptions {
        scale = Map.copyOf(scale);
    }

    /** @throws LaunchException with exit status 2 for a command line it cannot follow */
    public static LaunchOptions parse(List<String> args) {
        Mode mode = Mode.START;
        boolean build = true;
        boolean infraOnly = false;
        Map<String, Integer> scale = new LinkedHashMap<>();
        EdgeChoice edge = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--no-build" -> build = false;
                case "--infra-only" -> infraOnly = true;
                case "--status" -> mode = only(mode, Mode.STATUS, arg);
                case "--stop" -> mode = only(mode, Mode.STOP, arg);
                case "-h", "--help" -> mode = only(mode, Mode.HELP, arg);
                case "--scale" -> {
                    if (i + 1 == args.size()) {
                        throw usage("--scale needs SERVICE=N");
                    }
                    addScale(scale, args.get(++i));
                }
                case "--edge" -> {
                    if (i + 1 == args.size()) {
                        throw usage("--edge needs simulator, sip or both");
                    }
                    edge = edge(edge, args.get(++i));
                }
                default -> {
                    if (arg.startsWith("--scale=")) {
                        addScale(scale, arg.substring("--scale=".length()));
                    } else if (arg.startsWith("--edge=")) {
                        edge = edge(edge, arg.substring("--edge=".length()));
                    } else {
                        throw usage("unknown argument: " + arg);
                    }
                }
            }
        }
        if (infraOnly && !scale.isEmpty()) {
            throw usage("--scale starts services, --infra-only starts none: choose one");
        }
        if (mode != Mode.START && (infraOnly || !scale.isEmpty() || edge != null)) {
            throw usage("--infra-only, --scale and --edge only apply when starting the stack");
        }
        if (infraOnly && edge != null) {
            throw usage("--edge starts an edge, --infra-only starts none: choose one");
        }
        return new LaunchOptions(mode, build, infraOnly, scale, edge == null ? EdgeChoice.SIMULATOR : edge);
    }

    public int instancesOf(String service) {
        return scale.getOrDefault(service, 1);
    }

    private static void addScale(Map<String, Integer> scale, String value) {
        Matcher matcher = SCALE.matcher(value);
        if (!matcher.matches() || Integer.parseInt(matcher.group(2)) < 1) {
            throw usage("--scale takes SERVICE=N with N at least 1, not '" + value + "'");
        }
        if (scale.put(matcher.group(1), Integer.parseInt(matcher.group(2))) != null) {
            throw usage("--scale is given twice for " + matcher.group(1));
        }
    }

    private static EdgeChoice edge(EdgeChoice current, String value) {
        if (current != null) {
            throw usage("--edge is given twice");
        }
        return EdgeChoice.of(value);
    }

    private static Mode only(Mode current, Mode wanted, String arg) {
        if (current != Mode.START && current != wanted) {
            throw usage(arg + " cannot be combined with --" + current.name().toLowerCase());
        }
        return wanted;
    }

    private static LaunchException usage(String message) {
        return new LaunchException(message, 2);
    }
}
