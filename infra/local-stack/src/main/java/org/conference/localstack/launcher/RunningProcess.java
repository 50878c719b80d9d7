package org.conference.localstack.launcher;

import java.nio.file.Path;

/** An instance the launcher started, with its log. */
public record RunningProcess(Instance instance, Process process, Path log) {

    public String name() {
        return instance.name();
    }

    public boolean alive() {
        return process.isAlive();
    }
}
