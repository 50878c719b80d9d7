package org.conference.simulator;

import org.conference.testsupport.architecture.ArchitectureContract;

class ArchitectureTest extends ArchitectureContract {
}
