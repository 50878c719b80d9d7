package org.conference.testsupport.softphone;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where baresip's executable and its modules are. Debian's {@code baresip-core} puts the modules in
 * {@code /usr/lib/baresip/modules}; a build from source in {@code /usr/local/lib/baresip/modules}.
 *
 * @param executable the {@code baresip} program
 * @param moduleDir  the directory of its loadable modules
 */
record BaresipInstallation(Path executable, Path moduleDir) {

    /** The modules the headless configuration loads (BaresipConfig); without one of them it is no use. */
    static final List<String> MODULES = List.of("account", "menu", "ctrl_tcp", "g711", "ausine", "aubridge", "sndfile");

    private static final List<Path> MODULE_DIRS = List.of(Path.of("/usr/lib/baresip/modules"),
            Path.of("/usr/local/lib/baresip/modules"), Path.of("/usr/lib/x86_64-linux-gnu/baresip/modules"));

    static Optional<BaresipInstallation> find() {
        Optional<Path> executable = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, "baresip"))
                .filter(Files::isExecutable)
                .findFirst();
        Optional<Path> modules = MODULE_DIRS.stream()
                .filter(dir -> MODULES.stream().allMatch(module -> Files.isRegularFile(dir.resolve(module + ".so"))))
                .findFirst();
        return executable.flatMap(program -> modules.map(dir -> new BaresipInstallation(program, dir)));
    }
}
