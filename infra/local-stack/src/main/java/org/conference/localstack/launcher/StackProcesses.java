package org.conference.localstack.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Recognises the processes of one stack from its pid files. A pid alone could by now belong to anything, so a process
 * counts only while it is alive and its command line carries the marker of that instance and of that stack's home.
 * The markers come first on the command line: the JDK reads at most 4096 characters of another process's command
 * line, and the broker's class path alone is longer.
 */
public final class StackProcesses {

    public static final String LAUNCHER_CLASS = Launcher.class.getName();

    /** The JVM flags that mark a process as this instance of the stack at {@code home}. */
    public static List<String> markers(String instance, Path home) {
        return List.of("-Dconference.localstack.process=" + instance, "-Dconference.localstack.home=" + home);
    }

    public static Optional<ProcessHandle> find(StackHome home, String instance) {
        List<String> markers = markers(instance, home.root());
        return running(home, instance).filter(handle -> markers.stream().allMatch(marker -> carries(handle, marker)));
    }

    /** The launcher of this stack, while it runs. */
    public static Optional<ProcessHandle> launcher(StackHome home) {
        return running(home, StackHome.LAUNCHER)
                .filter(handle -> handle.pid() != ProcessHandle.current().pid())
                .filter(handle -> carries(handle, LAUNCHER_CLASS));
    }

    private static Optional<ProcessHandle> running(StackHome home, String process) {
        return home.readPid(process).stream().boxed().findFirst().flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive);
    }

    /** Whether the command line has this word (a whole argument, so that {@code x} does not match {@code x-2}). */
    private static boolean carries(ProcessHandle handle, String word) {
        return handle.info().commandLine().map(line -> (line + " ").contains(" " + word + " ")).orElse(false);
    }

    private StackProcesses() {
    }
}
