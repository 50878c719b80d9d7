package org.conference.localstack.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Resident memory of processes. {@link ProcessHandle} knows liveness, command lines and descendants but not memory,
 * so this one figure still comes from Linux's {@code /proc/<pid>/status}.
 */
public final class ResidentMemory {

    /** VmRSS in KiB; 0 once the process is gone (or on a system without /proc). */
    public static long kibOf(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring("VmRSS:".length()).replace("kB", "").strip());
                }
            }
        } catch (IOException | NumberFormatException e) {
            // gone, or not Linux: nothing to add
        }
        return 0;
    }

    public static long mibOf(Collection<Long> pids) {
        return pids.stream().mapToLong(ResidentMemory::kibOf).sum() / 1024;
    }

    private ResidentMemory() {
    }
}
