package org.conference.edge;

import org.conference.testsupport.architecture.ArchitectureContract;

class ArchitectureTest extends ArchitectureContract {
}
