package org.conference.localstack.launcher;

import java.util.List;
import java.util.function.Consumer;

import sun.misc.Signal;

/**
 * Hands SIGINT, SIGTERM and SIGHUP to the launcher instead of the JVM. The JVM's own handling runs shutdown hooks once
 * and ignores any further signal while they run, so a second Ctrl-C could not kill at once; {@code sun.misc.Signal}
 * (module jdk.unsupported) is the JDK's only way to see every signal.
 */
public final class SignalTrap {

    private static final List<String> STOP_SIGNALS = List.of("INT", "TERM", "HUP");

    /** @param onSignal receives "SIGINT", "SIGTERM" or "SIGHUP", on the JVM's signal thread */
    public static void install(Consumer<String> onSignal) {
        for (String name : STOP_SIGNALS) {
            try {
                Signal.handle(new Signal(name), signal -> onSignal.accept("SIG" + signal.getName()));
            } catch (IllegalArgumentException e) {
                // The JVM keeps this signal for itself (e.g. with -Xrs): its default handling stays.
            }
        }
    }

    private SignalTrap() {
    }
}
