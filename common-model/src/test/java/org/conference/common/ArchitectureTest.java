package org.conference.common;

import java.util.Set;

import org.conference.testsupport.architecture.ArchitectureContract;

/** common-model's own packages follow the same rules, and it imports no service (nor any other module). */
class ArchitectureTest extends ArchitectureContract {

    @Override
    protected Set<String> crossCuttingPackages() {
        return Set.of();
    }
}
